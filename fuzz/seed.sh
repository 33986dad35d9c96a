#!/bin/sh
# Fills fuzz/corpus/<target>/ with the seed inputs: every YAML file the
# project ships or tests with, plus the hand-written seeds in fuzz/seeds/.
# Run from anywhere; existing corpus files are kept.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
for target in assessment_load answers_load session_load; do
    mkdir -p "$here/corpus/$target"
    for f in "$root"/tests/conformance/*.yaml "$root"/assessments/*.yaml "$root"/tests/personas/*.yaml "$here"/seeds/"$target"/*.yaml; do
        [ -f "$f" ] || continue
        cp "$f" "$here/corpus/$target/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
    done
done
# `conditions` takes structured input (arbitrary bytes decoded by the
# `arbitrary` crate), so YAML files mean nothing to it; it starts empty.
mkdir -p "$here/corpus/conditions"
