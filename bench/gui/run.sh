#!/usr/bin/env bash
# The window under load: runs bench/gui/guibench (the real MainWindow, shown) several times against a
# private nginx on 127.0.0.1 and prints the medians as a Markdown table, also appended to
# bench/results/LAST.md. See bench/README.md, "GUI responsiveness".
set -euo pipefail

GUI_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$GUI_DIR/../.." && pwd)
RESULTS_DIR="$REPO_DIR/bench/results"

usage() {
    cat <<EOF
Usage: bench/gui/run.sh [options] [-- guibench options]

  --runs N            runs (default 3); each is a fresh process
  --seconds N         length of each measured run with the downloads going (default 20)
  --rows N            links pasted (default 100000; 3000 with --remote)
  --remote            the remote scenario: the links run on a private aria2c --enable-rpc on 127.0.0.1,
                      every row added there (aria2 runs a few, the rest wait in its line) and polled
  --platform P        xvfb (default when xvfb-run is installed: real X11 painting) or offscreen
  --guibench PATH     the binary (default: \$QUIVER_GUIBENCH, else ../build-guibench/bench/gui/guibench)
  --raw FILE          also append each run's numbers (one JSON object per line) to FILE
  --keep              keep the temporary folder on exit
  -h, --help          this text

Environment: BENCH_GUI_BIG_COUNT=16 BENCH_GUI_BIG_SIZE=2G (the files the downloads fetch: one file of
that size, served under BIG_COUNT names), BENCH_TMP (work area and downloads; /dev/shm keeps the disk
out), BENCH_DATA (keep the data file there and reuse it), BENCH_PORT, BENCH_GUI_WRAP (a command
put in front of guibench, e.g. "perf record -k CLOCK_MONOTONIC -g -o gui.perf"). With --remote:
BENCH_REMOTE_ACTIVE=5 (aria2's max-concurrent-downloads), BENCH_REMOTE_RATE=16M (aria2's
max-overall-download-limit, so the running ones keep running), BENCH_GUI_BIG_SIZE defaults to 256M.
Anything after -- goes to every guibench run, e.g. -- --sort-column name --scroll-ms 0
EOF
}

die() { echo "bench-gui: $*" >&2; exit 2; }
log() { echo "bench-gui: $*" >&2; }

RUNS=3
SECONDS_RUN=20
ROWS=""
REMOTE=0
PLATFORM=""
BIN="${QUIVER_GUIBENCH:-}"
KEEP=0
RAW_COPY=""
EXTRA=()
while (($#)); do
    case "$1" in
        --runs) RUNS="${2:?}"; shift 2 ;;
        --seconds) SECONDS_RUN="${2:?}"; shift 2 ;;
        --rows) ROWS="${2:?}"; shift 2 ;;
        --remote) REMOTE=1; shift ;;
        --platform) PLATFORM="${2:?}"; shift 2 ;;
        --guibench) BIN="${2:?}"; shift 2 ;;
        --raw) RAW_COPY="${2:?}"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        --) shift; EXTRA=("$@"); break ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done
if [[ -z "$ROWS" ]]; then if ((REMOTE)); then ROWS=3000; else ROWS=100000; fi; fi
for v in RUNS SECONDS_RUN ROWS; do
    [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a whole number ≥ 1"
done
if [[ -z "$PLATFORM" ]]; then
    if command -v xvfb-run >/dev/null; then PLATFORM=xvfb; else PLATFORM=offscreen; fi
fi
case "$PLATFORM" in
    xvfb) command -v xvfb-run >/dev/null || die "xvfb-run is not installed (apt-get install xvfb xauth)" ;;
    offscreen) ;;
    *) die "--platform is xvfb or offscreen" ;;
esac

if [[ -z "$BIN" ]]; then
    for candidate in "$REPO_DIR/../build-guibench/bench/gui/guibench" "$REPO_DIR/build/bench/gui/guibench"; do
        if [[ -x "$candidate" ]]; then BIN=$candidate; break; fi
    done
fi
[[ -n "$BIN" && -x "$BIN" ]] || die "no guibench found; build it (see bench/README.md) or pass --guibench PATH"
BIN=$(readlink -f "$BIN")
BUILD_TYPE=unknown
cache="$(dirname "$BIN")/../../CMakeCache.txt"
if [[ -f "$cache" ]]; then
    BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache")
    BUILD_TYPE=${BUILD_TYPE:-none}
fi
if [[ "$BUILD_TYPE" != Release && "$BUILD_TYPE" != RelWithDebInfo ]]; then
    log "WARNING: $BIN is a '$BUILD_TYPE' build; measure a Release build"
fi
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || die "nginx is not installed (apt-get install nginx-light)"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
command -v python3 >/dev/null || die "python3 is needed to format the table"
command -v curl >/dev/null || die "curl is needed to check that nginx answers"

BIG_COUNT=${BENCH_GUI_BIG_COUNT:-16}
if ((REMOTE)); then DEFAULT_BIG=256M; else DEFAULT_BIG=2G; fi
BIG_SIZE=$(numfmt --from=iec "${BENCH_GUI_BIG_SIZE:-$DEFAULT_BIG}")
if ((REMOTE)); then command -v aria2c >/dev/null || die "aria2c is not installed (apt-get install aria2)"; fi
[[ "$BIG_COUNT" =~ ^[1-9][0-9]?$ ]] || die "BENCH_GUI_BIG_COUNT must be 1..99"

# ---------------------------------------------------------------- work area, data, nginx
BASE_TMP=${BENCH_TMP:-${TMPDIR:-/tmp}}
mkdir -p "$BASE_TMP"
WORK=$(mktemp -d "$BASE_TMP/quiver-guibench.XXXXXX")
NGINX_PID=""
ARIA2_PID=""
cleanup() {
    local status=$?
    if [[ -n "$ARIA2_PID" ]] && kill -0 "$ARIA2_PID" 2>/dev/null; then
        kill "$ARIA2_PID" 2>/dev/null || true
        wait "$ARIA2_PID" 2>/dev/null || true
    fi
    if [[ -n "$NGINX_PID" ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    if ((KEEP)); then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One file of random bytes (nothing compresses it), served under BIG_COUNT names: every download
# streams from the page cache, and the cache holds one copy.
DATA=${BENCH_DATA:-$WORK/data}
mkdir -p "$DATA/big"
stamp="$DATA/big/.stamp"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$BIG_SIZE $BIG_COUNT v1" ]]; then
    log "data: reusing $BIG_COUNT × $(numfmt --to=iec-i --suffix=B "$BIG_SIZE")"
else
    log "data: generating $(numfmt --to=iec-i --suffix=B "$BIG_SIZE")"
    rm -f "$DATA"/big/*
    head -c "$BIG_SIZE" /dev/urandom >"$DATA/big/data.bin"
    for ((i = 0; i < BIG_COUNT; i++)); do ln -s data.bin "$DATA/big/$(printf 'b%02d.bin' "$i")"; done
    echo "$BIG_SIZE $BIG_COUNT v1" >"$stamp"
fi
cat "$DATA/big/data.bin" >/dev/null   # into the page cache before anything is timed

# shellcheck source=bench/nginx.sh
source "$(dirname "${BASH_SOURCE[0]}")/../nginx.sh"
start_bench_nginx
for _ in $(seq 100); do
    if curl -sf -o /dev/null -r 0-0 "$BASE_URL/big/b00.bin"; then break; fi
    kill -0 "$NGINX_PID" 2>/dev/null || die "nginx did not start: $(cat "$NGX/logs/error.log")"
    sleep 0.1
done
curl -sf -o /dev/null -r 0-0 "$BASE_URL/big/b00.bin" || die "nginx does not answer on $BASE_URL"
log "nginx (pid $NGINX_PID) serving $BIG_COUNT × $(numfmt --to=iec-i --suffix=B "$BIG_SIZE") on $BASE_URL"

# ---------------------------------------------------------------- aria2 (--remote)
# A fresh daemon per run: nothing of an earlier run's rows is left in its line.
start_aria2() {
    ARIA2_DIR="$WORK/aria2"
    rm -rf "$ARIA2_DIR"
    mkdir -p "$ARIA2_DIR/downloads"
    ARIA2_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    ARIA2_SECRET_FILE="$ARIA2_DIR/secret"
    (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$ARIA2_SECRET_FILE")
    local secret
    secret=$(cat "$ARIA2_SECRET_FILE")
    # rpc-max-request-size: the window's poll of N rows is one request of about 180 bytes a row; aria2's
    # default (2 MiB) would refuse it past about 11,000 rows.
    aria2c --enable-rpc --rpc-listen-port="$ARIA2_PORT" --rpc-secret="$secret" --dir="$ARIA2_DIR/downloads" \
        --max-concurrent-downloads="${BENCH_REMOTE_ACTIVE:-5}" --max-overall-download-limit="${BENCH_REMOTE_RATE:-16M}" \
        --rpc-max-request-size=64M --file-allocation=none --auto-file-renaming=true --quiet=true \
        --no-conf=true --log-level=error >"$ARIA2_DIR/aria2.log" 2>&1 &
    ARIA2_PID=$!
    for _ in $(seq 150); do
        if curl -sf -o /dev/null -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"aria2.getVersion\",\"params\":[\"token:$secret\"]}" \
            "http://127.0.0.1:$ARIA2_PORT/jsonrpc"; then return 0; fi
        kill -0 "$ARIA2_PID" 2>/dev/null || die "aria2c did not start: $(cat "$ARIA2_DIR/aria2.log")"
        sleep 0.1
    done
    die "aria2c does not answer on port $ARIA2_PORT"
}
stop_aria2() {
    if [[ -n "$ARIA2_PID" ]]; then kill "$ARIA2_PID" 2>/dev/null || true; wait "$ARIA2_PID" 2>/dev/null || true; fi
    ARIA2_PID=""
}

# ---------------------------------------------------------------- runs
RAW="$WORK/runs.jsonl"
: >"$RAW"
FAILED=0
for ((run = 1; run <= RUNS; run++)); do
    mkdir -p "$WORK/out"
    sync
    # BENCH_GUI_WRAP runs guibench under a profiler, e.g. "perf record -k CLOCK_MONOTONIC -g -o /tmp/gui.data"
    read -r -a wrap <<<"${BENCH_GUI_WRAP:-}"
    remote=()
    if ((REMOTE)); then
        start_aria2
        remote=(--remote-rpc "http://127.0.0.1:$ARIA2_PORT/jsonrpc" --remote-secret-file "$ARIA2_SECRET_FILE"
                --remote-dir "$ARIA2_DIR/downloads" --remote-pid "$ARIA2_PID")
    fi
    cmd=("${wrap[@]}" "$BIN" --base-url "$BASE_URL" --big-count "$BIG_COUNT" --rows "$ROWS" --seconds "$SECONDS_RUN"
         --download-dir "$WORK/out" --json "$RAW" "${remote[@]}" "${EXTRA[@]}")
    log "run $run of $RUNS ($PLATFORM)"
    status=0
    if [[ "$PLATFORM" == xvfb ]]; then
        # A fresh X server per run; the screen is larger than the window so nothing is clipped.
        env -u QT_QPA_PLATFORM no_proxy=127.0.0.1 NO_PROXY=127.0.0.1 \
            xvfb-run -a -s "-screen 0 1600x1000x24" "${cmd[@]}" >"$WORK/run$run.md" 2>"$WORK/run$run.log" || status=$?
    else
        QT_QPA_PLATFORM=offscreen no_proxy=127.0.0.1 NO_PROXY=127.0.0.1 \
            "${cmd[@]}" >"$WORK/run$run.md" 2>"$WORK/run$run.log" || status=$?
    fi
    sed 's/^/    /' "$WORK/run$run.log" >&2
    if ((status != 0)); then
        log "run $run FAILED (exit $status)"
        FAILED=1
    else
        cat "$WORK/run$run.md" >&2
    fi
    rm -rf "$WORK/out"
    if ((REMOTE)); then stop_aria2; fi
done

if [[ -n "$RAW_COPY" ]]; then cat "$RAW" >>"$RAW_COPY"; fi

# ---------------------------------------------------------------- report
COMMIT=$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git -C "$REPO_DIR" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then COMMIT="$COMMIT+dirty"; fi
mkdir -p "$RESULTS_DIR"
{
    echo
    echo "# Quiver GUI benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "- commit $COMMIT, guibench build type $BUILD_TYPE ($BIN), Qt platform $PLATFORM"
    echo "- $(nproc) cores, $(uname -sr), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM; downloads written to $(stat -f -c %T "$WORK")"
    if ((REMOTE)); then
        echo "- remote scenario: $ROWS links for one aria2c $(aria2c --version | head -1 | awk '{print $3}') on loopback (max-concurrent-downloads ${BENCH_REMOTE_ACTIVE:-5}, max-overall-download-limit ${BENCH_REMOTE_RATE:-16M}), every row added there and polled; $BIG_COUNT × $(numfmt --to=iec-i --suffix=B "$BIG_SIZE") from nginx; ${SECONDS_RUN} s measured per run${EXTRA:+; guibench ${EXTRA[*]}}"
        echo
        python3 - "$RAW" "$RUNS" <<'EOF'
import json, statistics, sys
raw, runs = sys.argv[1], int(sys.argv[2])
rows = [json.loads(line) for line in open(raw) if line.strip()]
if not rows:
    print("**No run completed.**")
    sys.exit(0)
def med(key):
    return statistics.median(r[key] for r in rows)
def spread(key, fmt="{:.1f}"):
    values = [r[key] for r in rows]
    return f"{fmt.format(min(values))}–{fmt.format(max(values))}"
print(f"Medians of {len(rows)}/{runs} runs (min–max in brackets). Stall = how long a probe event posted to the GUI thread waited to be delivered.")
print()
print("| phase | time | longest stall ms | p99 ms | p50 ms | stalls > 50 ms | notes |")
print("|---|---|---|---|---|---|---|")
print(f"| paste {rows[0]['rows']:,} links for the engine | {med('paste_ms'):.0f} ms | {med('paste_max'):.1f} ({spread('paste_max')}) | {med('paste_p99'):.1f} | {med('paste_p50'):.1f} | {med('paste_over50'):g} | |")
print(f"| Start All, every row added on the daemon | {med('start_added_ms'):.0f} ms ({spread('start_added_ms', '{:.0f}')}) | {med('start_max'):.1f} ({spread('start_max')}) | {med('start_p99'):.1f} | {med('start_p50'):.1f} | {med('start_over50'):g} | daemon: {med('daemon_active'):g} active, {med('daemon_waiting'):g} waiting |")
print(f"| run {med('seconds'):.0f} s, all rows polled, table scrolling | {med('refreshes'):g} multicalls | {med('run_max'):.1f} ({spread('run_max')}) | {med('run_p99'):.1f} | {med('run_p50'):.1f} | {med('run_over50'):g} | GUI thread {med('run_gui_cpu_pct'):.0f} % CPU, aria2 {med('run_daemon_cpu_pct'):.0f} %; {med('downloading'):g} downloading |")
print(f"| {med('seconds'):.0f} s more, polled, window left alone | {med('quiet_refreshes'):g} multicalls | {med('quiet_max'):.1f} ({spread('quiet_max')}) | {med('quiet_p99'):.1f} | {med('quiet_p50'):.1f} | {med('quiet_over50'):g} | per refresh: GUI thread {med('gui_cpu_ms_per_refresh'):.1f} ms CPU, aria2 {med('daemon_cpu_ms_per_refresh'):.1f} ms; one poll of {med('poll_gids'):g}: {med('poll_request_kib'):.0f} KiB asked, {med('poll_kib'):.0f} KiB answered, {med('poll_ms'):.1f} ms round trip |")
print(f"| Pause All | {med('pause_ms'):.0f} ms ({spread('pause_ms', '{:.0f}')}) | {med('pause_max'):.1f} ({spread('pause_max')}) | {med('pause_p99'):.1f} | {med('pause_p50'):.1f} | {med('pause_over50'):g} | daemon holds {med('daemon_waiting_paused'):g} paused; {med('after_pause_refreshes'):g} polls in the 3 s after; RSS {med('rss_mib'):.0f} MiB (peak {med('hwm_mib'):.0f}) |")
EOF
    else
    echo "- $ROWS links pasted; $BIG_COUNT × $(numfmt --to=iec-i --suffix=B "$BIG_SIZE") from nginx on loopback; parallel 16 (per host 16); ${SECONDS_RUN} s measured per run${EXTRA:+; guibench ${EXTRA[*]}}"
    echo
    python3 - "$RAW" "$RUNS" <<'EOF'
import json, statistics, sys
raw, runs = sys.argv[1], int(sys.argv[2])
rows = [json.loads(line) for line in open(raw) if line.strip()]
if not rows:
    print("**No run completed.**")
    sys.exit(0)
def med(key):
    return statistics.median(r[key] for r in rows)
# guibench before the paste path got AddLinksPanel::paste timed setText() instead.
paste_call = 'paste_call_ms' if 'paste_call_ms' in rows[0] else 'paste_settext_ms'
def spread(key, fmt="{:.1f}"):
    values = [r[key] for r in rows]
    return f"{fmt.format(min(values))}–{fmt.format(max(values))}"
def verdict(ok):
    return "yes" if ok else "**NO**"
print(f"Medians of {len(rows)}/{runs} runs (min–max in brackets). Stall = how long a probe event posted to the GUI thread waited to be delivered.")
print()
print("| phase | time | longest stall ms | p99 ms | p50 ms | stalls > 50 ms | GUI thread CPU % | RSS MiB (end of phase) | meets the goal |")
print("|---|---|---|---|---|---|---|---|---|")
print(f"| paste {rows[0]['rows']:,} links, to rows present (+2 s) | {med('paste_ms'):.0f} ms ({spread('paste_ms', '{:.0f}')}) | "
      f"{med('paste_max'):.1f} ({spread('paste_max')}) | {med('paste_p99'):.1f} | {med('paste_p50'):.1f} | {med('paste_over50'):g} | "
      f"{med('paste_gui_cpu_pct'):.0f} | {med('rss_after_paste_mib'):.0f} ({spread('rss_after_paste_mib', '{:.0f}')}) | "
      f"{verdict(med('paste_ms') < 1000)} (< 1 s), stall {verdict(med('paste_max') <= 50)} |")
print(f"| Start All, to 16 running + 2 s | {med('start_trigger_ms'):.0f} ms in trigger() ({spread('start_trigger_ms', '{:.0f}')}) | "
      f"{med('start_max'):.1f} ({spread('start_max')}) | {med('start_p99'):.1f} | {med('start_p50'):.1f} | {med('start_over50'):g} | – | – | "
      f"{verdict(med('start_max') <= 50)} |")
print(f"| run {med('seconds'):.0f} s, 16 running, scroll + 1 sort | {med('run_mibps'):.0f} MiB/s ({spread('run_mibps', '{:.0f}')}) | "
      f"{med('run_max'):.1f} ({spread('run_max')}) | {med('run_p99'):.1f} | {med('run_p50'):.1f} | {med('run_over50'):g} | "
      f"{med('run_gui_cpu_pct'):.0f} | {med('rss_mib'):.0f} ({spread('rss_mib', '{:.0f}')}), peak {med('hwm_mib'):.0f} | "
      f"{verdict(med('run_max') <= 50)}, RSS {verdict(med('hwm_mib') < 250)} (< 250 MiB) |")
print(f"| same run without the sort | sort by {rows[0]['sort_column']}: {med('sort_ms'):.0f} ms ({spread('sort_ms', '{:.0f}')}) | "
      f"{med('steady_max'):.1f} ({spread('steady_max')}) | {med('steady_p99'):.1f} | {med('steady_p50'):.1f} | {med('steady_over50'):g} | – | – | "
      f"{verdict(med('steady_max') <= 50)} |")
print()
print(f"Idle window before the paste: longest stall {med('idle_max'):.1f} ms, p50 {med('idle_p50'):.2f} ms. "
      f"During the run: GUI thread runnable but waiting for a CPU {med('run_gui_wait_pct'):.0f} % of the time, "
      f"guibench process CPU {med('run_proc_cpu_pct'):.0f} % (of one core), all CPUs {med('machine_busy_pct'):.0f} % busy (nginx, Xvfb, "
      f"writeback and anything else on the machine included), read buffer {med('read_buffer_kib'):.0f} KiB per reply, "
      f"session file {'on' if rows[0].get('session') else 'off'}, "
      f"{med('finished'):g} downloads finished, RSS {med('rss_mib'):.0f} MiB (peak {med('hwm_mib'):.0f}; "
      f"{med('rss_after_paste_mib'):.0f} after the paste), scroll ticks {med('scroll_ticks'):.0f}/{med('scroll_expected'):.0f}, "
      f"paste split: paste() {med(paste_call):.0f} ms, submit() {med('paste_submit_ms'):.0f} ms, "
      f"parse + queue {med('paste_queue_ms'):.0f} ms.")
EOF
    fi
} | tee -a "$RESULTS_DIR/LAST.md"

if ((FAILED)); then
    echo | tee -a "$RESULTS_DIR/LAST.md"
    echo "**Some runs FAILED**; see the log above." | tee -a "$RESULTS_DIR/LAST.md"
    exit 1
fi
