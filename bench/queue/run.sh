#!/usr/bin/env bash
# Runs queuebench at several queue sizes, a fresh process per run, and prints the median time of each step
# per size and per row touched: a step whose time per row grows with the size is not linear.
# Usage: bench/queue/run.sh [--runs N] [--sizes 10000,50000,100000] [--queuebench PATH]
# Also appended to bench/results/LAST.md. See bench/README.md, "Linear everywhere".
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
RUNS=3
SIZES=10000,50000,100000
QUEUEBENCH=${QUIVER_QUEUEBENCH:-}
while (($#)); do
    case "$1" in
        --runs) RUNS=$2; shift 2 ;;
        --sizes) SIZES=$2; shift 2 ;;
        --queuebench) QUEUEBENCH=$2; shift 2 ;;
        -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
if [[ -z "$QUEUEBENCH" ]]; then
    for candidate in "$REPO_DIR/../build-bench/bench/queue/queuebench" "$REPO_DIR/build/bench/queue/queuebench"; do
        [[ -x "$candidate" ]] && { QUEUEBENCH=$candidate; break; }
    done
fi
[[ -x "$QUEUEBENCH" ]] || { echo "queuebench not found: build with -DQUIVER_BUILD_BENCH=ON" >&2; exit 1; }

RAW=$(mktemp)
trap 'rm -f "$RAW"' EXIT
IFS=, read -r -a sizes <<<"$SIZES"
for ((run = 1; run <= RUNS; run++)); do
    for size in "${sizes[@]}"; do
        echo "queuebench: run $run, $size rows" >&2
        "$QUEUEBENCH" --rows "$size" | tail -n +2 >>"$RAW"
    done
done

mkdir -p "$BENCH_DIR/results"
{
    echo
    echo "## queue — each step's median over $RUNS runs (queuebench, $(date -u +%Y-%m-%dT%H:%MZ))"
    echo
    python3 - "$RAW" "$SIZES" <<'PY'
import statistics, sys
raw, sizes = sys.argv[1], [int(s) for s in sys.argv[2].split(",")]
times, touched, steps = {}, {}, []
for line in open(raw):
    rows, step, count, ms, _ = line.split("\t")
    if step not in steps:
        steps.append(step)
    times.setdefault((step, int(rows)), []).append(float(ms) if step != "peak-rss-kib" else float(count) / 1024)
    touched[(step, int(rows))] = int(count)
head = "| step | " + " | ".join(f"{s:,} rows: ms (µs per row)" for s in sizes) + " | µs per row, largest / smallest |"
print(head)
print("|---" * (len(sizes) + 2) + "|")
for step in steps:
    cells, per = [], []
    for s in sizes:
        ms = statistics.median(times[(step, s)])
        if step == "peak-rss-kib":
            cells.append(f"{ms:.1f} MiB")
            continue
        n = touched[(step, s)]
        per.append(ms * 1000 / n if n else 0)
        cells.append(f"{ms:.1f} ({per[-1]:.2f})")
    ratio = f"{per[-1] / per[0]:.2f}" if per and per[0] > 0 else "–"
    print(f"| {step if step != 'peak-rss-kib' else 'peak RSS'} | " + " | ".join(cells) + f" | {ratio} |")
PY
} | tee -a "$BENCH_DIR/results/LAST.md"
