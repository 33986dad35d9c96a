#!/usr/bin/env bash
# Differential test of `crossroads score --format json` against the Python oracle.
#
#   bash diff.sh [N_SEEDS] [BINARY]
#
# Defaults: 200 seeds, /work/main/target/release/crossroads.  For each seed,
# gen.py writes an assessment and 5 answers files into a temp dir; for each
# answers file the binary's JSON is compared with score.py's by compare.py.
# The spec examples (shared/spec/examples) are checked first.  Failing cases
# are kept under /tmp/oracle-failures/SEED-K/ (inputs, both outputs, stderr,
# the differences).  The last line is "N passed, M failed".
# Environment: FIRST_SEED (default 1), ORACLE_FAILURES (default /tmp/oracle-failures).
set -u

N_SEEDS=${1:-200}
BIN=${2:-/work/main/target/release/crossroads}
FIRST=${FIRST_SEED:-1}
HERE=$(cd "$(dirname "$0")" && pwd)
FAILDIR=${ORACLE_FAILURES:-/tmp/oracle-failures}
EXAMPLES=${EXAMPLES_DIR:-/work/shared/spec/examples}
N_ANS=5

case "$BIN" in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
if [ ! -x "$BIN" ]; then
    echo "binary not found or not executable: $BIN" >&2
    exit 2
fi

rm -rf "$FAILDIR"
mkdir -p "$FAILDIR"
WORK=$(mktemp -d /tmp/oracle-run.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

pass=0
fail=0
notes=0

# keep NAME DIR ANSWERS EXPECTED GOT ERR CMP: save a failing case
keep() {
    local dest="$FAILDIR/$1"
    mkdir -p "$dest"
    cp "$2/assessment.yaml" "$dest/" 2>/dev/null || cp "$2"/*.yaml "$dest/" 2>/dev/null
    cp "$3" "$dest/" 2>/dev/null
    cp "$4" "$dest/expected.json" 2>/dev/null
    cp "$5" "$dest/got.json" 2>/dev/null
    cp "$6" "$dest/got.stderr" 2>/dev/null
    cp "$7" "$dest/diff.txt" 2>/dev/null
}

# run_case NAME DIR ASSESSMENT ANSWERS EXPECTED_JSON
run_case() {
    local name=$1 dir=$2 ass=$3 ans=$4 exp=$5
    local got="$WORK/got.json" err="$WORK/got.err" cmp="$WORK/cmp.txt" rc
    (cd "$dir" && timeout 30 "$BIN" score "$ass" --answers "$ans" --format json) >"$got" 2>"$err"
    rc=$?
    if [ $rc -ne 0 ]; then
        { echo "binary exited with status $rc"; head -c 2000 "$err"; } >"$cmp"
        fail=$((fail + 1))
        echo "FAIL $name: exit $rc: $(head -n 1 "$err")"
        keep "$name" "$dir" "$dir/$ans" "$exp" "$got" "$err" "$cmp"
        return
    fi
    python3 "$HERE/compare.py" "$exp" "$got" >"$cmp" 2>&1
    rc=$?
    if grep -q '^note:' "$cmp"; then
        notes=$((notes + 1))
        sed "s/^/  [$name] /" "$cmp" | grep '\] note:' | head -n 3
    fi
    if [ $rc -eq 0 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name: $(grep -v '^note:' "$cmp" | head -n 1) ($(grep -vc '^note:' "$cmp") differences)"
        keep "$name" "$dir" "$dir/$ans" "$exp" "$got" "$err" "$cmp"
    fi
}

# 1. the spec examples
if [ -d "$EXAMPLES" ]; then
    ep=$pass ef=$fail
    for f in "$EXAMPLES"/answers-*.yaml; do
        k=$(basename "$f" .yaml); k=${k#answers-}
        run_case "example-$k" "$EXAMPLES" sample.yaml "answers-$k.yaml" "$EXAMPLES/expected-$k.json"
    done
    echo "spec examples: $((pass - ep)) passed, $((fail - ef)) failed"
fi

# 2. random cases
gen_fail=0
for ((seed = FIRST; seed < FIRST + N_SEEDS; seed++)); do
    d="$WORK/$seed"
    if ! python3 "$HERE/gen.py" "$seed" "$d" "$N_ANS" 2>"$WORK/gen.err"; then
        echo "GENERATOR FAILED for seed $seed: $(tail -n 1 "$WORK/gen.err")"
        gen_fail=$((gen_fail + 1))
        continue
    fi
    for ((k = 1; k <= N_ANS; k++)); do
        if ! python3 "$HERE/score.py" "$d/assessment.yaml" "$d/answers-$k.yaml" --meta >"$d/expected-$k.json" 2>"$WORK/oracle.err"; then
            echo "ORACLE FAILED for seed $seed answers $k: $(head -n 1 "$WORK/oracle.err")"
            gen_fail=$((gen_fail + 1))
            continue
        fi
        run_case "$seed-$k" "$d" assessment.yaml "answers-$k.yaml" "$d/expected-$k.json"
    done
    rm -rf "$d"
done

[ $gen_fail -gt 0 ] && echo "generator/oracle errors: $gen_fail"
[ $notes -gt 0 ] && echo "cases with float-boundary notes (accepted): $notes"
[ $fail -gt 0 ] && echo "failing cases kept under $FAILDIR"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ] && [ $gen_fail -eq 0 ]
