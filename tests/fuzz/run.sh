#!/bin/sh
# Runs each fuzz target for a bounded time, starting from its checked-in seed corpus and dictionary.
#
#   tests/fuzz/run.sh BUILD_DIR [SECONDS] [NAME...]
#
# BUILD_DIR was configured with -DQUIVER_FUZZ=ON and has the target quiver-fuzzers built. SECONDS is per
# target (default 60); NAMEs default to every target. Inputs found along the way go to
# BUILD_DIR/fuzz-corpus/NAME, never into the seeds; a crash or a broken property leaves its input in
# BUILD_DIR/fuzz-artifacts/ and makes the script exit 1 after the other targets have run.
#
# With FUZZ_SEED=N in the environment, as CI runs it, the run is pinned down as far as libFuzzer allows:
# its random choices start from N, Qt's hash seed is fixed, each target starts from its seeds alone (the
# found inputs of earlier runs are cleared) and stops after a fixed number of executions (what the CI
# machine does in about SECONDS) instead of after a time, so a fast machine does not search further than
# a slow one. Coverage feedback still varies a little from run to run (measured: 1,047 to 1,056 edges
# after 20,000 runs of linksparser), so a run can still find something another missed; what it finds is
# a real bug all the same. Without FUZZ_SEED each run explores somewhere new.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:?usage: tests/fuzz/run.sh BUILD_DIR [SECONDS] [NAME...]}"
shift
seconds="${1:-60}"
[ $# -gt 0 ] && shift
names="${*:-filenames contentdisposition linksparser sessionstore urlpattern aria2reply}"

# Executions per second of each target on a 2-core CI machine, on the low side of what was measured.
rate() {
    case "$1" in
        filenames) echo 2000 ;;
        contentdisposition) echo 10000 ;;
        linksparser) echo 4000 ;;
        sessionstore) echo 5000 ;;
        urlpattern) echo 2000 ;;
        aria2reply) echo 4000 ;;
        *) echo 2000 ;;
    esac
}

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
    limits="-max_total_time=$seconds"
    if [ -n "${FUZZ_SEED:-}" ]; then
        rm -rf "$corpus"
        export QT_HASH_SEED=0
        # The time limit only guards against a machine far slower than CI; reaching it is reported.
        limits="-seed=$FUZZ_SEED -runs=$(($(rate "$name") * seconds)) -max_total_time=$((seconds * 4))"
    fi
    mkdir -p "$corpus" "$build/fuzz-artifacts"
    # -timeout: the parsers promise linear time, so an input that takes seconds is a bug, not bad luck.
    # $limits is split into its options on purpose.
    # shellcheck disable=SC2086
    if "$binary" $limits -timeout=20 -print_final_stats=1 \
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
    time=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log")
    echo "fuzz_$name: $status, ${runs:-?} executions in ${time:-$seconds} s, ${speed:-?} exec/s (log: $log)"
    if [ -n "${FUZZ_SEED:-}" ] && [ "${runs:-0}" -lt "$(($(rate "$name") * seconds))" ] && [ "$status" = ok ]; then
        echo "fuzz_$name: stopped by the time limit before its executions were done: this run is not reproducible" >&2
    fi
done

if [ -n "$failed" ]; then
    echo "run.sh: fuzz targets failed:$failed; inputs in $build/fuzz-artifacts/" >&2
    exit 1
fi
