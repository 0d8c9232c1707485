#!/usr/bin/env bash
# Quiver benchmark suite: quiver-cli against curl, aria2c, wget2 and bareqt (a bare QNetworkAccessManager
# program, the floor of what a Qt downloader can do) on loopback nginx.
# See bench/README.md for what each scenario measures and how to read the tables.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
RESULTS_DIR="$BENCH_DIR/results"

usage() {
    cat <<EOF
Usage: bench/run.sh [options]

  --runs N            timed runs per tool and scenario (default 5)
  --scenario NAME     many-small, few-large, one-huge, rate-limit or all (default all); repeat
                      or separate with commas to pick several. 'scale' (not in all): 20,000
                      same-name links vs 20,000 distinct names, and 100,000 links with
                      --session, quiver-cli only. 'syscalls' (not in all): system calls per
                      file of the many-small download under strace -f -c, quiver (and bareqt
                      when listed in --tools). 'latency' (not in all): 1,000 × 16 KiB from a
                      server that waits 50 ms before every answer. 'gui' (on its own) runs
                      bench/gui/run.sh --runs N instead: the window under load
  --tools LIST        comma-separated subset of: quiver,curl,aria2c,wget2,bareqt
                      (default: all that are installed or built; quiver is always required)
  --quiver PATH       the quiver-cli to measure (default: \$QUIVER_CLI, else
                      ../build-bench/src/cli/quiver-cli, else build/src/cli/quiver-cli)
  --bareqt PATH       the floor program (default: \$QUIVER_BAREQT, else bench/floor/bareqt in
                      quiver-cli's build folder; built with -DQUIVER_BUILD_BENCH=ON)
  --sync              count a final 'sync -f' of the output folder in every tool's time
                      (quiver fsyncs each file itself; the others do not)
  --keep              keep the temporary folder (data, outputs, logs) on exit
  -h, --help          this text

Sizes and other knobs come from the environment (sizes take K/M/G suffixes, powers of 1024):
  BENCH_SMALL_COUNT=1000 BENCH_SMALL_SIZE=64K  BENCH_SMALL_PARALLEL=16
  BENCH_LARGE_COUNT=4    BENCH_LARGE_SIZE=256M BENCH_LARGE_PARALLEL=4
  BENCH_HUGE_SIZE=1G
  BENCH_RATE_LIMIT=4M BENCH_RATE_SECONDS=12   (rate-limit: the limit, and how long a run lasts at it)
  BENCH_SCALE_COUNT=20000 BENCH_SCALE_BIG_COUNT=100000 BENCH_SCALE_PARALLEL=16
  BENCH_LAT_COUNT=1000 BENCH_LAT_SIZE=16K BENCH_LAT_DELAY_MS=50 BENCH_LAT_PARALLEL=16
  BENCH_TMP=DIR        where data and outputs live (default: \$TMPDIR or /tmp; /dev/shm takes the disk out)
  BENCH_DATA=DIR       keep generated data here and reuse it on later invocations
  BENCH_PORT=N         nginx port (default: a free one)
  BENCH_TIMEOUT=SECS   kill a run that takes longer (default 900)
EOF
}

die() { echo "bench: $*" >&2; exit 2; }
log() { echo "bench: $*" >&2; }

# ---------------------------------------------------------------- options
RUNS=5
SCENARIOS=()
TOOLS_WANTED=""
QUIVER_BIN="${QUIVER_CLI:-}"
BAREQT_BIN="${QUIVER_BAREQT:-}"
TIMED_SYNC=0
KEEP=0
while (($#)); do
    case "$1" in
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        --runs=*) RUNS="${1#*=}"; shift ;;
        --scenario) SCENARIOS+=("${2:?--scenario needs a name}"); shift 2 ;;
        --scenario=*) SCENARIOS+=("${1#*=}"); shift ;;
        --tools) TOOLS_WANTED="${2:?--tools needs a list}"; shift 2 ;;
        --tools=*) TOOLS_WANTED="${1#*=}"; shift ;;
        --quiver) QUIVER_BIN="${2:?--quiver needs a path}"; shift 2 ;;
        --quiver=*) QUIVER_BIN="${1#*=}"; shift ;;
        --bareqt) BAREQT_BIN="${2:?--bareqt needs a path}"; shift 2 ;;
        --bareqt=*) BAREQT_BIN="${1#*=}"; shift ;;
        --sync) TIMED_SYNC=1; shift ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs takes a whole number ≥ 1"

ALL_SCENARIOS=(many-small few-large one-huge rate-limit)
if ((${#SCENARIOS[@]} == 0)); then SCENARIOS=(all); fi
SELECTED=()
GUI=0
for s in "${SCENARIOS[@]}"; do
    IFS=',' read -r -a parts <<<"$s"
    for p in "${parts[@]}"; do
        case "$p" in
            all) SELECTED+=("${ALL_SCENARIOS[@]}") ;;
            many-small|few-large|one-huge|rate-limit|scale|segments|syscalls|latency) SELECTED+=("$p") ;;
            gui) GUI=1 ;;
            *) die "unknown scenario: $p (many-small, few-large, one-huge, rate-limit, scale, segments, syscalls, latency, all, gui)" ;;
        esac
    done
done
# The window under load has its own driver, data and table (bench/gui/run.sh).
if ((GUI)); then
    ((${#SELECTED[@]} == 0)) || die "the gui scenario runs on its own: bench/run.sh --scenario gui"
    exec "$BENCH_DIR/gui/run.sh" --runs "$RUNS"
fi
# Keep the canonical order, drop duplicates.
SCENARIO_LIST=()
for s in "${ALL_SCENARIOS[@]}" scale segments syscalls latency; do
    for p in "${SELECTED[@]}"; do
        if [[ "$p" == "$s" ]]; then SCENARIO_LIST+=("$s"); break; fi
    done
done

size_bytes() { numfmt --from=iec "$1"; }
SMALL_COUNT=${BENCH_SMALL_COUNT:-1000}
SMALL_SIZE=$(size_bytes "${BENCH_SMALL_SIZE:-64K}")
SMALL_PARALLEL=${BENCH_SMALL_PARALLEL:-16}
LARGE_COUNT=${BENCH_LARGE_COUNT:-4}
LARGE_SIZE=$(size_bytes "${BENCH_LARGE_SIZE:-256M}")
LARGE_PARALLEL=${BENCH_LARGE_PARALLEL:-4}
HUGE_SIZE=$(size_bytes "${BENCH_HUGE_SIZE:-1G}")
RATE_LIMIT=${BENCH_RATE_LIMIT:-4M}
RATE_SECONDS=${BENCH_RATE_SECONDS:-12}
[[ "$RATE_LIMIT" =~ ^[1-9][0-9]*[KMG]?$ ]] || die "BENCH_RATE_LIMIT takes bytes per second, e.g. 4M (got '$RATE_LIMIT')"
# 16 files of equal size that add up to RATE_SECONDS at the limit (a multiple of 16 bytes).
RATE_TOTAL=$(( $(size_bytes "$RATE_LIMIT") * RATE_SECONDS / 16 * 16 ))
SEG_SIZE=$(size_bytes "${BENCH_SEG_SIZE:-256M}")
SEG_CONNECTIONS=${BENCH_SEG_CONNECTIONS:-16}
SEGMENTED=0   # set by the segments scenario: each tool opens SEG_CONNECTIONS connections per file
BAREQT_DURABLE=${BENCH_BAREQT_DURABLE:-0}   # 1: bareqt writes NAME.part, fsyncs and renames it, as quiver does
RUN_TIMEOUT=${BENCH_TIMEOUT:-900}
SCALE_COUNT=${BENCH_SCALE_COUNT:-20000}
SCALE_BIG_COUNT=${BENCH_SCALE_BIG_COUNT:-100000}
SCALE_PARALLEL=${BENCH_SCALE_PARALLEL:-16}
LAT_COUNT=${BENCH_LAT_COUNT:-1000}
LAT_SIZE=$(size_bytes "${BENCH_LAT_SIZE:-16K}")
LAT_DELAY_MS=${BENCH_LAT_DELAY_MS:-50}
LAT_PARALLEL=${BENCH_LAT_PARALLEL:-16}
for v in SMALL_COUNT SMALL_SIZE SMALL_PARALLEL LARGE_COUNT LARGE_SIZE LARGE_PARALLEL HUGE_SIZE RUN_TIMEOUT \
         SCALE_COUNT SCALE_BIG_COUNT SCALE_PARALLEL LAT_COUNT LAT_SIZE LAT_DELAY_MS LAT_PARALLEL; do
    [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a whole number ≥ 1 (got '${!v}')"
done

# ---------------------------------------------------------------- tools
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || die "nginx is not installed (apt-get install nginx-light)"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install time)"
command -v python3 >/dev/null || die "python3 is needed to generate data and format the tables"
command -v sha256sum >/dev/null || die "sha256sum is missing (coreutils)"

if [[ -z "$QUIVER_BIN" ]]; then
    for candidate in "$REPO_DIR/../build-bench/src/cli/quiver-cli" "$REPO_DIR/build/src/cli/quiver-cli"; do
        if [[ -x "$candidate" ]]; then QUIVER_BIN=$candidate; break; fi
    done
fi
[[ -n "$QUIVER_BIN" && -x "$QUIVER_BIN" ]] || die "no quiver-cli found; build one (see bench/README.md) or pass --quiver PATH"
QUIVER_BIN=$(readlink -f "$QUIVER_BIN")
# A Debug build is not worth measuring: say so loudly.
QUIVER_BUILD_TYPE=unknown
cache="$(dirname "$QUIVER_BIN")/../../CMakeCache.txt"
if [[ -f "$cache" ]]; then
    QUIVER_BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache")
    QUIVER_BUILD_TYPE=${QUIVER_BUILD_TYPE:-none}
fi
if [[ "$QUIVER_BUILD_TYPE" != Release && "$QUIVER_BUILD_TYPE" != RelWithDebInfo ]]; then
    log "WARNING: $QUIVER_BIN is a '$QUIVER_BUILD_TYPE' build; measure a Release build"
fi

if [[ -z "$BAREQT_BIN" ]]; then
    BAREQT_BIN="$(dirname "$QUIVER_BIN")/../../bench/floor/bareqt"
fi
BAREQT_BIN=$(readlink -f "$BAREQT_BIN" 2>/dev/null || echo "$BAREQT_BIN")

KNOWN_TOOLS=(quiver curl aria2c wget2 bareqt)
TOOLS=()
if [[ -n "$TOOLS_WANTED" ]]; then
    IFS=',' read -r -a wanted <<<"$TOOLS_WANTED"
    for t in "${wanted[@]}"; do
        case "$t" in
            quiver) ;;
            curl|aria2c|wget2) command -v "$t" >/dev/null || die "$t is not installed" ;;
            bareqt) [[ -x "$BAREQT_BIN" ]] || die "bareqt is not built at $BAREQT_BIN (see bench/README.md) or pass --bareqt PATH" ;;
            *) die "unknown tool: $t (quiver, curl, aria2c, wget2, bareqt)" ;;
        esac
    done
    for t in "${KNOWN_TOOLS[@]}"; do
        for w in "${wanted[@]}"; do
            if [[ "$w" == "$t" ]]; then TOOLS+=("$t"); break; fi
        done
    done
else
    TOOLS=(quiver)
    for t in curl aria2c wget2; do
        if command -v "$t" >/dev/null; then TOOLS+=("$t"); else log "$t not installed: skipped"; fi
    done
    if [[ -x "$BAREQT_BIN" ]]; then TOOLS+=(bareqt); else log "bareqt not built: skipped"; fi
fi
[[ " ${TOOLS[*]} " == *" quiver "* ]] || TOOLS=(quiver "${TOOLS[@]}")   # the ratios are against quiver

tool_version() {
    case "$1" in
        quiver) "$QUIVER_BIN" --version 2>/dev/null | head -n1 ;;
        curl) curl --version | head -n1 | cut -d' ' -f1-2 ;;
        aria2c) aria2c --version | head -n1 ;;
        wget2) wget2 --version 2>/dev/null | head -n1 ;;
        bareqt) echo "bench/floor/bareqt on Qt $(qtpaths6 --qt-version 2>/dev/null || echo '?') ($BAREQT_BIN)" ;;
    esac
}

# ---------------------------------------------------------------- work area and cleanup
BASE_TMP=${BENCH_TMP:-${TMPDIR:-/tmp}}
mkdir -p "$BASE_TMP"
WORK=$(mktemp -d "$BASE_TMP/quiver-bench.XXXXXX")
NGINX_PID=""
DELAY_PID=""
cleanup() {
    local status=$?
    if [[ -n "$DELAY_PID" ]] && kill -0 "$DELAY_PID" 2>/dev/null; then
        kill "$DELAY_PID" 2>/dev/null || true
        wait "$DELAY_PID" 2>/dev/null || true
    fi
    if [[ -n "$NGINX_PID" ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    if ((KEEP)); then
        log "kept $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

DATA=${BENCH_DATA:-$WORK/data}
mkdir -p "$DATA" "$WORK/out" "$WORK/logs" "$WORK/lists" "$WORK/nginx"

# ---------------------------------------------------------------- data (once, before any timing)
# Deterministic pseudo-random bytes: Python's Mersenne Twister seeded per file, so every machine
# generates the same files and nginx cannot compress them.
generate() {   # generate SUBDIR PREFIX COUNT SIZE SEED
    local dir="$DATA/$1" stamp="$DATA/$1/.stamp" want="$2 $3 $4 $5 v1"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        log "data $1: reusing $3 × $4 bytes"
        return
    fi
    log "data $1: generating $3 × $4 bytes"
    rm -rf "$dir"
    mkdir -p "$dir"
    python3 - "$dir" "$2" "$3" "$4" "$5" <<'EOF'
import os, random, sys
directory, prefix, count, size, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
width = max(4, len(str(count - 1)))
chunk = 1 << 20
for i in range(count):
    rng = random.Random(seed * 1_000_003 + i)
    path = os.path.join(directory, f"{prefix}{i:0{width}d}.bin")
    with open(path, "wb") as f:
        left = size
        while left > 0:
            n = min(chunk, left)
            f.write(rng.randbytes(n))
            left -= n
EOF
    (cd "$dir" && find . -maxdepth 1 -type f -name '*.bin' -printf '%f\n' | LC_ALL=C sort | xargs sha256sum) \
        >"$dir/.sha256"
    echo "$want" >"$stamp"
}

for s in "${SCENARIO_LIST[@]}"; do
    case "$s" in
        many-small|syscalls) generate small s "$SMALL_COUNT" "$SMALL_SIZE" 1 ;;
        few-large) generate large l "$LARGE_COUNT" "$LARGE_SIZE" 2 ;;
        one-huge) generate huge h 1 "$HUGE_SIZE" 3 ;;
        scale) generate scale g 1 1024 4 ;;
        rate-limit) generate rate1 r 1 "$RATE_TOTAL" 5; generate rate16 q 16 $((RATE_TOTAL / 16)) 6 ;;
        segments) generate seg s 1 "$SEG_SIZE" 5 ;;
        latency) generate lat t "$LAT_COUNT" "$LAT_SIZE" 7 ;;
    esac
done

# ---------------------------------------------------------------- nginx
# shellcheck source=bench/nginx.sh
source "$(dirname "${BASH_SOURCE[0]}")/nginx.sh"
start_bench_nginx
probe=$(for s in "${SCENARIO_LIST[@]}"; do
    case "$s" in many-small|syscalls) echo small ;; few-large) echo large ;; one-huge) echo huge ;; scale) echo scale ;; rate-limit) echo rate1 ;; segments) echo seg ;; latency) echo lat ;; esac
done | head -n1)
probe_file=$(head -n1 "$DATA/$probe/.sha256" | awk '{print $2}')
for _ in $(seq 100); do
    if curl -sf -o /dev/null -r 0-0 "$BASE_URL/$probe/$probe_file"; then break; fi
    kill -0 "$NGINX_PID" 2>/dev/null || die "nginx did not start: $(cat "$NGX/logs/error.log")"
    sleep 0.1
done
curl -sf -o /dev/null -r 0-0 "$BASE_URL/$probe/$probe_file" || die "nginx does not answer on $BASE_URL"
log "nginx (pid $NGINX_PID) serving $DATA on $BASE_URL"

# ---------------------------------------------------------------- one run of one tool
# Prints "wall_seconds peak_rss_kib cpu_seconds" on success; returns non-zero on failure.
run_tool() {   # run_tool TOOL SUBDIR PARALLEL OUTDIR LOG
    local tool=$1 sub=$2 par=$3 out=$4 logf=$5
    local urls="$WORK/lists/$sub.urls" curlcfg="$WORK/lists/$sub.curl"
    local timefile="$out.time"
    local -a cmd
    case "$tool" in
        quiver)
            cmd=("$QUIVER_BIN" -i "$urls" -d "$out" -j "$par" --per-host "$par")
            # Segments count against -j and --per-host: room for every connection of the one file.
            ((SEGMENTED)) && cmd=("$QUIVER_BIN" -i "$urls" -d "$out" -j "$SEG_CONNECTIONS"
                                  --per-host "$SEG_CONNECTIONS" -s "$SEG_CONNECTIONS") ;;
        curl)
            cmd=(curl --silent --show-error --fail --parallel --parallel-max "$par" -Z
                 --output-dir "$out" -K "$curlcfg") ;;
        aria2c)
            cmd=(aria2c --no-conf -i "$urls" -j "$par" -x1 --max-connection-per-server=1 -s1 -d "$out"
                 --allow-overwrite=false --auto-file-renaming=false --file-allocation=none
                 --console-log-level=warn --summary-interval=0 --download-result=hide)
            # aria2's own accelerator: N connections to the one server, pieces of 1 MiB at least.
            ((SEGMENTED)) && cmd=(aria2c --no-conf -i "$urls" -x"$SEG_CONNECTIONS" -s"$SEG_CONNECTIONS" -k1M -d "$out"
                 --allow-overwrite=false --auto-file-renaming=false --file-allocation=none
                 --console-log-level=warn --summary-interval=0 --download-result=hide) ;;
        wget2)
            cmd=(wget2 --no-config --quiet -i "$urls" -P "$out" --max-threads="$par"
                 --no-host-directories --no-directories --progress=none) ;;
        bareqt)
            cmd=("$BAREQT_BIN" -i "$urls" -d "$out" -j "$par")
            ((BAREQT_DURABLE)) && cmd+=(--durable) ;;
    esac
    mkdir -p "$out"
    local start end status=0
    # /usr/bin/time outside timeout: wait4() reports the largest RSS among the reaped descendants,
    # and a timeout kills the tool rather than leaving it orphaned.
    # Everything from the previous run reaches the disk before the clock starts.
    sync
    start=$EPOCHREALTIME
    if ((TIMED_SYNC)); then
        /usr/bin/time -f '%e %M %U %S' -o "$timefile" timeout --kill-after=10 "$RUN_TIMEOUT" \
            "${cmd[@]}" >"$logf" 2>&1 || status=$?
        sync -f "$out" || status=$?
    else
        /usr/bin/time -f '%e %M %U %S' -o "$timefile" timeout --kill-after=10 "$RUN_TIMEOUT" \
            "${cmd[@]}" >"$logf" 2>&1 || status=$?
    fi
    end=$EPOCHREALTIME
    if ((status != 0)); then
        echo "exit status $status" >>"$logf"
        return 1
    fi
    # /usr/bin/time may print a "Command exited..." line first; the numbers are on the last one.
    local rss cpu user sys
    read -r _ rss user sys < <(tail -n1 "$timefile")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    awk -v a="$start" -v b="$end" -v r="$rss" -v c="$cpu" 'BEGIN { printf "%.4f %d %s\n", b - a, r, c }'
}

# Every file present, byte for byte, and nothing else (no .part, no .aria2 control files).
verify_output() {   # verify_output SUBDIR OUTDIR LOG
    local sub=$1 out=$2 logf=$3 expected actual
    expected=$(grep -c . "$DATA/$sub/.sha256")
    actual=$(find "$out" -mindepth 1 | wc -l)
    if [[ "$actual" != "$expected" ]]; then
        echo "verify: expected $expected files, found $actual:" >>"$logf"
        find "$out" -mindepth 1 | LC_ALL=C sort | head -n 20 >>"$logf"
        return 1
    fi
    if ! (cd "$out" && sha256sum --check --quiet --strict "$DATA/$sub/.sha256") >>"$logf" 2>&1; then
        echo "verify: checksum mismatch" >>"$logf"
        return 1
    fi
}

# shellcheck source=bench/scale.sh
source "$BENCH_DIR/scale.sh"
# shellcheck source=bench/ratelimit.sh
source "$BENCH_DIR/ratelimit.sh"
# shellcheck source=bench/syscalls.sh
source "$BENCH_DIR/syscalls.sh"

# ---------------------------------------------------------------- report
COMMIT=$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git -C "$REPO_DIR" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then COMMIT="$COMMIT+dirty"; fi
mkdir -p "$RESULTS_DIR"
rm -rf "$RESULTS_DIR/failed"   # logs of failed runs: this invocation's only
LAST="$RESULTS_DIR/LAST.md"
{
    echo
    echo "# Quiver benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "- commit $COMMIT, quiver-cli build type $QUIVER_BUILD_TYPE ($QUIVER_BIN)"
    echo "- $(nproc) cores, $(uname -sr), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
    echo "- output on $(df -P "$WORK" | awk 'NR == 2 { print $1 }') ($(stat -f -c %T "$WORK")), data on $(stat -f -c %T "$DATA")"
    echo "- $RUNS runs per tool, rotated order each round; sync before every run$( ((TIMED_SYNC)) && echo ", and a timed 'sync -f' after every run")"
    for t in "${TOOLS[@]}"; do echo "- $t: $(tool_version "$t")"; done
} | tee -a "$LAST"

FAILED=0

format_table() {   # format_table SCENARIO TOTAL_BYTES RAWFILE
    python3 - "$@" <<'EOF'
import statistics, sys
scenario, total, raw = sys.argv[1], int(sys.argv[2]), sys.argv[3]
order, runs, fails = [], {}, {}
for line in open(raw):
    tool, status, *rest = line.split()
    if tool not in order:
        order.append(tool)
        runs[tool], fails[tool] = [], 0
    if status == "ok":
        runs[tool].append(tuple(float(x) for x in rest))
    else:
        fails[tool] += 1

def med(values):
    return statistics.median(values) if values else None

quiver_time = med([r[0] for r in runs.get("quiver", [])])
print("| tool | runs ok | median wall s | min–max s | median MiB/s | median peak RSS MiB | median CPU s | time / quiver |")
print("|---|---|---|---|---|---|---|---|")
for tool in order:
    ok = runs[tool]
    n = len(ok) + fails[tool]
    if not ok:
        print(f"| {tool} | 0/{n} FAILED | – | – | – | – | – | – |")
        continue
    wall = med([r[0] for r in ok])
    rss = med([r[1] for r in ok]) / 1024
    cpu = med([r[2] for r in ok])
    tput = med([total / r[0] / 1048576 for r in ok])
    lo, hi = min(r[0] for r in ok), max(r[0] for r in ok)
    ratio = f"{wall / quiver_time:.2f}" if quiver_time else "–"
    flag = "" if fails[tool] == 0 else " FAILED"
    print(f"| {tool} | {len(ok)}/{n}{flag} | {wall:.3f} | {lo:.3f}–{hi:.3f} | {tput:.1f} | {rss:.1f} | {cpu:.2f} | {ratio} |")
EOF
}

run_scenario() {   # run_scenario NAME SUBDIR COUNT SIZE PARALLEL [SERVER_URL]
    local name=$1 sub=$2 count=$3 size=$4 par=$5 server=${6:-$BASE_URL}
    local total=$((count * size)) raw="$WORK/$name.raw"
    : >"$raw"
    # The same list for every tool: plain URLs, and curl's url/output pairs.
    awk -v base="$server/$sub/" '{ print base $2 }' "$DATA/$sub/.sha256" >"$WORK/lists/$sub.urls"
    awk -v base="$server/$sub/" '{ printf "url = \"%s%s\"\noutput = \"%s\"\n", base, $2, $2 }' \
        "$DATA/$sub/.sha256" >"$WORK/lists/$sub.curl"
    log "scenario $name: $count × $(numfmt --to=iec-i --suffix=B "$size"), parallel $par, $RUNS runs × ${#TOOLS[@]} tools"

    local round i n=${#TOOLS[@]}
    for ((round = 1; round <= RUNS; round++)); do
        for ((i = 0; i < n; i++)); do
            # Rotate the order each round so no tool always runs first (or right after another).
            local tool=${TOOLS[$(((i + round - 1) % n))]}
            local out="$WORK/out/$name-$tool-$round" logf="$WORK/logs/$name-$tool-$round.log" result
            if result=$(run_tool "$tool" "$sub" "$par" "$out" "$logf") && verify_output "$sub" "$out" "$logf"; then
                echo "$tool ok $result" >>"$raw"
                log "  round $round $tool: $(awk '{ printf "%.3f s, %.1f MiB RSS, %.2f s CPU", $1, $2 / 1024, $3 }' <<<"$result")"
            else
                echo "$tool fail" >>"$raw"
                FAILED=1
                log "  round $round $tool: FAILED — last lines of its log:"
                tail -n 15 "$logf" | sed 's/^/    /' >&2
                mkdir -p "$RESULTS_DIR/failed"
                cp "$logf" "$RESULTS_DIR/failed/" 2>/dev/null || true
            fi
            rm -rf "$out" "$out.time"
        done
    done

    {
        echo
        echo "## $name — $count × $(numfmt --to=iec-i --suffix=B "$size"), parallel $par ($(numfmt --to=iec-i --suffix=B "$total") in all)"
        echo
        format_table "$name" "$total" "$raw"
    } | tee -a "$LAST"
}

# The latency scenario's server: every answer waits LAT_DELAY_MS. With LAT_PARALLEL at once, no client can
# finish sooner than ceil(count / parallel) × delay; the table's title gives that floor.
run_latency_scenario() {
    local portfile="$WORK/delayserver.port"
    python3 "$BENCH_DIR/delayserver.py" "$DATA" "$LAT_DELAY_MS" >"$portfile" 2>"$WORK/logs/delayserver.log" &
    DELAY_PID=$!
    local _
    for _ in $(seq 100); do [[ -s "$portfile" ]] && break; sleep 0.05; done
    [[ -s "$portfile" ]] || die "the delay server did not start: $(cat "$WORK/logs/delayserver.log")"
    local floor
    floor=$(awk -v c="$LAT_COUNT" -v p="$LAT_PARALLEL" -v d="$LAT_DELAY_MS" \
        'BEGIN { printf "%.2f", int((c + p - 1) / p) * d / 1000 }')
    log "latency: every answer waits $LAT_DELAY_MS ms (port $(cat "$portfile")); the floor is $floor s"
    run_scenario latency lat "$LAT_COUNT" "$LAT_SIZE" "$LAT_PARALLEL" "http://127.0.0.1:$(cat "$portfile")"
    echo "(latency: $LAT_DELAY_MS ms before every answer; no tool can finish in under $floor s)" | tee -a "$LAST"
    kill "$DELAY_PID" 2>/dev/null || true
    wait "$DELAY_PID" 2>/dev/null || true
    DELAY_PID=""
}

for s in "${SCENARIO_LIST[@]}"; do
    case "$s" in
        many-small) run_scenario many-small small "$SMALL_COUNT" "$SMALL_SIZE" "$SMALL_PARALLEL" ;;
        few-large) run_scenario few-large large "$LARGE_COUNT" "$LARGE_SIZE" "$LARGE_PARALLEL" ;;
        one-huge) run_scenario one-huge huge 1 "$HUGE_SIZE" 1 ;;
        scale) run_scale_scenario ;;
        rate-limit) run_ratelimit_scenario ;;
        # curl and wget2 have no segmented mode: the comparison is with aria2's.
        segments) SEGMENTED=1; run_scenario segments seg 1 "$SEG_SIZE" 1; SEGMENTED=0 ;;
        syscalls) run_syscalls_scenario ;;
        latency) run_latency_scenario ;;
    esac
done

if ((FAILED)); then
    echo | tee -a "$LAST"
    echo "**Some runs FAILED** (a tool exited non-zero or wrote a wrong file); their logs are in bench/results/failed/." | tee -a "$LAST"
    exit 1
fi
