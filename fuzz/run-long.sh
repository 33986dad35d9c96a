#!/bin/sh
# Usage: fuzz/run-long.sh TARGET SECONDS [LOGDIR]
# One long libFuzzer run with the settings of docs/fuzzing.md.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=$1
secs=$2
logdir=${3:-$here/logs}
mkdir -p "$logdir"
dict=""
[ "$target" != conditions ] && dict="-dict=$here/dicts/yaml.dict"
cd "$here"
RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=5 \
    -print_final_stats=1 -report_slow_units=1 $dict \
    >"$logdir/$target.log" 2>&1
