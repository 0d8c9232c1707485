# Sourced by bench/run.sh: the syscalls scenario (issue 9, part 5). The many-small download (SMALL_COUNT
# files of SMALL_SIZE, SMALL_PARALLEL at once) under `strace -f -c`, for quiver-cli and, when listed in
# --tools, bareqt (the bare QNetworkAccessManager floor): system calls per file, the median over RUNS
# runs. Counts do not depend on how busy the machine is (wall times do), so this is the figure to compare
# before and after a change to the per-download work. strace slows every call down, so no time is shown.
# Needs run.sh's QUIVER_BIN, BAREQT_BIN, DATA, WORK, RUNS, RUN_TIMEOUT, LAST, FAILED, TOOLS, log(),
# verify_output().

run_syscalls_scenario() {
    command -v strace >/dev/null || die "strace is not installed (apt-get install strace)"
    local sub=small count=$SMALL_COUNT par=$SMALL_PARALLEL tool round out logf counts
    local -a tools=(quiver)
    [[ " ${TOOLS[*]} " == *" bareqt "* ]] && tools+=(bareqt)
    awk -v base="$BASE_URL/$sub/" '{ print base $2 }' "$DATA/$sub/.sha256" >"$WORK/lists/$sub.urls"
    log "scenario syscalls: $count × $(numfmt --to=iec-i --suffix=B "$SMALL_SIZE"), parallel $par, $RUNS runs × ${#tools[@]} tools under strace"
    local raw="$WORK/syscalls.raw"
    : >"$raw"
    for ((round = 1; round <= RUNS; round++)); do
        for tool in "${tools[@]}"; do
            out="$WORK/out/syscalls-$tool-$round" logf="$WORK/logs/syscalls-$tool-$round.log" counts="$WORK/syscalls-$tool-$round.txt"
            mkdir -p "$out"
            local -a cmd
            case "$tool" in
                quiver) cmd=("$QUIVER_BIN" -i "$WORK/lists/$sub.urls" -d "$out" -j "$par" --per-host "$par") ;;
                bareqt) cmd=("$BAREQT_BIN" -i "$WORK/lists/$sub.urls" -d "$out" -j "$par")
                        ((BAREQT_DURABLE)) && cmd+=(--durable) ;;
            esac
            if timeout --kill-after=10 "$RUN_TIMEOUT" strace -f -c -o "$counts" "${cmd[@]}" >"$logf" 2>&1 \
                && verify_output "$sub" "$out" "$logf"; then
                # "% time seconds usecs/call calls [errors] syscall": the errors column may be empty.
                awk -v tool="$tool" -v n="$count" '
                    $1 ~ /^[0-9.]+$/ && $NF != "total" {
                        errors = (NF == 6) ? $5 : 0
                        printf "%s %s %.3f %.3f\n", tool, $NF, $4 / n, errors / n
                    }' "$counts" >>"$raw"
                log "  round $round $tool: ok"
            else
                FAILED=1
                log "  round $round $tool: FAILED — last lines of its log:"
                tail -n 15 "$logf" | sed 's/^/    /' >&2
            fi
            rm -rf "$out"
        done
    done
    {
        echo
        echo "## syscalls — $count × $(numfmt --to=iec-i --suffix=B "$SMALL_SIZE"), parallel $par: system calls per file (median of $RUNS runs under strace -f -c)"
        echo
        python3 - "$raw" "${tools[@]}" <<'PYEOF'
import collections, statistics, sys
raw, tools = sys.argv[1], sys.argv[2:]
calls = collections.defaultdict(lambda: collections.defaultdict(list))
errors = collections.defaultdict(lambda: collections.defaultdict(list))
runs = collections.Counter()
for line in open(raw):
    tool, name, c, e = line.split()
    calls[name][tool].append(float(c))
    errors[name][tool].append(float(e))
# A run that never made a call has no line for it: count it as 0.
for tool in tools:
    runs[tool] = max((len(calls[n][tool]) for n in calls), default=0)
def med(values, tool):
    values = values + [0.0] * (runs[tool] - len(values))
    return statistics.median(values) if values else 0.0
rows = []
for name in calls:
    per = {t: med(calls[name][t], t) for t in tools}
    err = {t: med(errors[name][t], t) for t in tools}
    if max(per.values()) >= 0.05:
        rows.append((name, per, err))
rows.sort(key=lambda r: -r[1][tools[0]])
head = "| syscall | " + " | ".join(f"{t} per file | {t} failing" for t in tools) + " |"
print(head)
print("|---|" + "---|---|" * len(tools))
for name, per, err in rows:
    print(f"| {name} | " + " | ".join(f"{per[t]:.2f} | {err[t]:.2f}" for t in tools) + " |")
total = {t: sum(r[1][t] for r in rows) for t in tools}
print("| **all listed** | " + " | ".join(f"**{total[t]:.1f}** | " for t in tools) + " |")
PYEOF
    } | tee -a "$LAST"
}
