# Sourced by bench/run.sh: the rate-limit scenario (issue 9). quiver-cli --limit-rate RATE with one download
# and with 16 at once, each run sized to last RATE_SECONDS (≥ 10 s) at the limit; the achieved rate is the
# bytes received over the whole run's wall time (start-up and connection set-up included, so it errs low).
# curl --limit-rate with one download is shown beside it (its limit is per transfer, so only the single case
# compares). Needs run.sh's QUIVER_BIN, BASE_URL, DATA, WORK, RUNS, RUN_TIMEOUT, LAST, FAILED, TOOLS, log(),
# run_tool()'s conventions and verify_output().

ratelimit_run() {   # ratelimit_run TOOL SUBDIR PARALLEL OUTDIR LOG → "wall_seconds peak_rss_kib cpu_seconds"
    local tool=$1 sub=$2 par=$3 out=$4 logf=$5 timefile="$4.time" status=0 start end
    local -a cmd
    case "$tool" in
        quiver) cmd=("$QUIVER_BIN" -i "$WORK/lists/$sub.urls" -d "$out" -j "$par" --per-host "$par"
                     --limit-rate "$RATE_LIMIT") ;;
        curl) cmd=(curl --silent --show-error --fail --limit-rate "$RATE_LIMIT" --output-dir "$out"
                   -K "$WORK/lists/$sub.curl") ;;
    esac
    mkdir -p "$out"
    sync
    start=$EPOCHREALTIME
    /usr/bin/time -f '%e %M %U %S' -o "$timefile" timeout --kill-after=10 "$RUN_TIMEOUT" \
        "${cmd[@]}" >"$logf" 2>&1 || status=$?
    end=$EPOCHREALTIME
    if ((status != 0)); then
        echo "exit status $status" >>"$logf"
        return 1
    fi
    local rss user sys
    read -r _ rss user sys < <(tail -n1 "$timefile")
    awk -v a="$start" -v b="$end" -v r="$rss" -v u="$user" -v s="$sys" \
        'BEGIN { printf "%.4f %d %.2f\n", b - a, r, u + s }'
}

run_ratelimit_scenario() {
    local limit_bytes raw="$WORK/rate-limit.raw" sub count par tool round out logf result
    limit_bytes=$(numfmt --from=iec "$RATE_LIMIT")
    : >"$raw"
    for sub in rate1 rate16; do
        awk -v base="$BASE_URL/$sub/" '{ print base $2 }' "$DATA/$sub/.sha256" >"$WORK/lists/$sub.urls"
        awk -v base="$BASE_URL/$sub/" '{ printf "url = \"%s%s\"\noutput = \"%s\"\n", base, $2, $2 }' \
            "$DATA/$sub/.sha256" >"$WORK/lists/$sub.curl"
    done
    log "scenario rate-limit: --limit-rate $RATE_LIMIT, $RATE_SECONDS s a run, 1 and 16 downloads, $RUNS runs"
    for ((round = 1; round <= RUNS; round++)); do
        for sub in rate1 rate16; do
            par=1; [[ $sub == rate16 ]] && par=16
            for tool in quiver curl; do
                [[ $tool == curl && ( $sub == rate16 || " ${TOOLS[*]} " != *" curl "* ) ]] && continue
                out="$WORK/out/$sub-$tool-$round" logf="$WORK/logs/$sub-$tool-$round.log"
                if result=$(ratelimit_run "$tool" "$sub" "$par" "$out" "$logf") && verify_output "$sub" "$out" "$logf"; then
                    echo "$tool-$par ok $result" >>"$raw"
                    log "  round $round $tool, $par at once: $(awk -v t="$RATE_TOTAL" -v l="$limit_bytes" \
                        '{ printf "%.3f s, %.1f%% of the limit", $1, 100 * t / $1 / l }' <<<"$result")"
                else
                    echo "$tool-$par fail" >>"$raw"
                    FAILED=1
                    log "  round $round $tool, $par at once: FAILED"
                    tail -n 15 "$logf" | sed 's/^/    /' >&2
                fi
                rm -rf "$out" "$out.time"
            done
        done
    done
    {
        echo
        echo "## rate-limit — --limit-rate $RATE_LIMIT ($limit_bytes B/s), $(numfmt --to=iec-i --suffix=B "$RATE_TOTAL") a run (≈ $RATE_SECONDS s at the limit)"
        echo
        python3 - "$raw" "$RATE_TOTAL" "$limit_bytes" <<'PYEOF'
import statistics, sys
raw, total, limit = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
order, runs, fails = [], {}, {}
for line in open(raw):
    key, status, *rest = line.split()
    if key not in order:
        order.append(key)
        runs[key], fails[key] = [], 0
    if status == "ok":
        runs[key].append(tuple(float(x) for x in rest))
    else:
        fails[key] += 1
print("| tool, downloads at once | runs ok | median wall s | median achieved B/s | median achieved / limit | min–max achieved / limit | median peak RSS MiB | median CPU s |")
print("|---|---|---|---|---|---|---|---|")
for key in order:
    ok = runs[key]
    n = len(ok) + fails[key]
    tool, par = key.rsplit("-", 1)
    if not ok:
        print(f"| {tool}, {par} | 0/{n} FAILED | – | – | – | – | – | – |")
        continue
    ratios = [total / r[0] / limit for r in ok]
    print(f"| {tool}, {par} | {len(ok)}/{n} | {statistics.median(r[0] for r in ok):.2f} | "
          f"{statistics.median(total / r[0] for r in ok):,.0f} | {statistics.median(ratios):.3f} | "
          f"{min(ratios):.3f}–{max(ratios):.3f} | {statistics.median(r[1] for r in ok) / 1024:.1f} | "
          f"{statistics.median(r[2] for r in ok):.2f} |")
PYEOF
    } | tee -a "$LAST"
}
