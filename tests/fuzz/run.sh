#!/bin/sh
# Runs each fuzz target for a bounded time, starting from its checked-in seed corpus and dictionary.
#
#   tests/fuzz/run.sh BUILD_DIR [SECONDS] [NAME...]
#
# BUILD_DIR was configured with -DQUIVER_FUZZ=ON and has the target quiver-fuzzers built. SECONDS is per
# target (default 60); NAMEs default to every target. Inputs found along the way go to
# BUILD_DIR/fuzz-corpus/NAME, never into the seeds; a crash or a broken property leaves its input in
# BUILD_DIR/fuzz-artifacts/ and makes the script exit 1 after the other targets have run.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:?usage: tests/fuzz/run.sh BUILD_DIR [SECONDS] [NAME...]}"
shift
seconds="${1:-60}"
[ $# -gt 0 ] && shift
names="${*:-filenames contentdisposition linksparser sessionstore}"

failed=""
for name in $names; do
    binary="$build/tests/fuzz/fuzz_$name"
    if [ ! -x "$binary" ]; then
        echo "run.sh: $binary is missing: build the target quiver-fuzzers with -DQUIVER_FUZZ=ON" >&2
        exit 2
    fi
    corpus="$build/fuzz-corpus/$name"
    artifacts="$build/fuzz-artifacts/$name-"
    log="$build/fuzz-$name.log"
    mkdir -p "$corpus" "$build/fuzz-artifacts"
    # -timeout: the parsers promise linear time, so an input that takes seconds is a bug, not bad luck.
    if "$binary" -max_total_time="$seconds" -timeout=20 -print_final_stats=1 \
        -dict="$here/$name.dict" -artifact_prefix="$artifacts" \
        "$corpus" "$here/corpus/$name" >"$log" 2>&1; then
        status=ok
    else
        status=FAILED
        failed="$failed $name"
        tail -n 60 "$log" >&2
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    echo "fuzz_$name: $status, ${runs:-?} executions in ${seconds} s, ${speed:-?} exec/s (log: $log)"
done

if [ -n "$failed" ]; then
    echo "run.sh: fuzz targets failed:$failed; inputs in $build/fuzz-artifacts/" >&2
    exit 1
fi
