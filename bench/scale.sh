# Sourced by bench/run.sh: the scale scenario (issue 15). quiver-cli alone (curl has no numbering,
# aria2c gives up after 9,999 names of one kind), one 1 KiB file served under many links:
#   same-name   SCALE_COUNT links that all end in the same name (g0000.bin?id=N): every name after the
#               first is numbered, "g0000 (N).bin"
#   distinct    the same links with an out= name each: nothing is numbered; the baseline for same-name
#   session     SCALE_BIG_COUNT links with out= names through --session: time per item and peak RSS
# Needs run.sh's QUIVER_BIN, BASE_URL, DATA, WORK, RUNS, RUN_TIMEOUT, RESULTS_DIR, LAST, FAILED, log().

scale_lists() {   # scale_lists FILE COUNT BIG_COUNT
    local file=$1 count=$2 big=$3
    awk -v base="$BASE_URL/scale/$file" -v n="$count" 'BEGIN { for (i = 1; i <= n; i++) print base "?id=" i }' \
        >"$WORK/lists/scale-same.urls"
    awk -v base="$BASE_URL/scale/$file" -v n="$count" \
        'BEGIN { for (i = 1; i <= n; i++) printf "%s?id=%d\n  out=d%06d.bin\n", base, i, i }' \
        >"$WORK/lists/scale-distinct.urls"
    awk -v base="$BASE_URL/scale/$file" -v n="$big" \
        'BEGIN { for (i = 1; i <= n; i++) printf "%s?id=%d\n  out=s%06d.bin\n", base, i, i }' \
        >"$WORK/lists/scale-session.urls"
}

# Prints "wall_seconds peak_rss_kib cpu_seconds"; non-zero on failure.
scale_run() {   # scale_run KIND OUTDIR LOG
    local kind=$1 out=$2 logf=$3 timefile="$2.time" status=0 start end
    local -a cmd=("$QUIVER_BIN" -i "$WORK/lists/scale-$kind.urls" -d "$out" -j "$SCALE_PARALLEL"
                  --per-host "$SCALE_PARALLEL")
    [[ "$kind" == session ]] && cmd+=(--session "$out.session")
    mkdir -p "$out"
    rm -f "$out.session"
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

# COUNT files, every one the served file byte for byte, all names different, and nothing else.
scale_verify() {   # scale_verify OUTDIR COUNT SHA LOG
    local out=$1 count=$2 sha=$3 logf=$4 actual
    actual=$(find "$out" -mindepth 1 | wc -l)
    if [[ "$actual" != "$count" ]]; then
        echo "verify: expected $count files, found $actual" >>"$logf"
        return 1
    fi
    if (cd "$out" && find . -maxdepth 1 -type f -print0 | xargs -0 sha256sum | awk '{ print $1 }' | sort | uniq -c) \
        | awk -v n="$count" -v s="$sha" '!($1 == n && $2 == s) { bad = 1 } END { exit bad }'; then
        return 0
    fi
    echo "verify: some file is not the served file" >>"$logf"
    return 1
}

run_scale_scenario() {
    local file sha raw="$WORK/scale.raw" round kind i
    file=$(head -n1 "$DATA/scale/.sha256" | awk '{ print $2 }')
    sha=$(head -n1 "$DATA/scale/.sha256" | awk '{ print $1 }')
    scale_lists "$file" "$SCALE_COUNT" "$SCALE_BIG_COUNT"
    : >"$raw"
    log "scenario scale: $SCALE_COUNT same-name vs $SCALE_COUNT distinct names, $SCALE_BIG_COUNT with --session; 1 KiB each, parallel $SCALE_PARALLEL, $RUNS runs"
    local -a kinds=(same-name distinct session)
    for ((round = 1; round <= RUNS; round++)); do
        for ((i = 0; i < 3; i++)); do
            kind=${kinds[$(((i + round - 1) % 3))]}
            local list=${kind%-name} count=$SCALE_COUNT result
            [[ "$kind" == session ]] && count=$SCALE_BIG_COUNT
            local out="$WORK/out/scale-$list-$round" logf="$WORK/logs/scale-$list-$round.log"
            if result=$(scale_run "$list" "$out" "$logf") && scale_verify "$out" "$count" "$sha" "$logf"; then
                echo "$kind ok $count $result" >>"$raw"
                log "  round $round $kind: $(awk '{ printf "%.3f s, %.1f MiB RSS, %.2f s CPU", $1, $2 / 1024, $3 }' <<<"$result")"
            else
                echo "$kind fail $count" >>"$raw"
                FAILED=1
                log "  round $round $kind: FAILED — last lines of its log:"
                tail -n 15 "$logf" | sed 's/^/    /' >&2
                mkdir -p "$RESULTS_DIR/failed"
                cp "$logf" "$RESULTS_DIR/failed/" 2>/dev/null || true
            fi
            rm -rf "$out" "$out.time" "$out.session"
        done
    done
    {
        echo
        echo "## scale — 1 KiB files under many links, parallel $SCALE_PARALLEL (quiver-cli only)"
        echo
        python3 - "$raw" <<'EOF'
import statistics, sys
order, runs, fails, counts = [], {}, {}, {}
for line in open(sys.argv[1]):
    kind, status, count, *rest = line.split()
    if kind not in order:
        order.append(kind)
        runs[kind], fails[kind] = [], 0
    counts[kind] = int(count)
    if status == "ok":
        runs[kind].append(tuple(float(x) for x in rest))
    else:
        fails[kind] += 1
med = lambda xs: statistics.median(xs) if xs else None
distinct = med([r[0] for r in runs.get("distinct", [])])
print("| run | links | runs ok | median wall s | min–max s | ms per link | median peak RSS MiB | median CPU s | time / distinct |")
print("|---|---|---|---|---|---|---|---|---|")
for kind in order:
    ok, n = runs[kind], len(runs[kind]) + fails[kind]
    if not ok:
        print(f"| {kind} | {counts[kind]} | 0/{n} FAILED | – | – | – | – | – | – |")
        continue
    wall = med([r[0] for r in ok])
    ratio = f"{wall / distinct:.2f}" if distinct and kind != "session" else "–"
    print(f"| {kind} | {counts[kind]:,} | {len(ok)}/{n} | {wall:.2f} | {min(r[0] for r in ok):.2f}–{max(r[0] for r in ok):.2f}"
          f" | {wall * 1000 / counts[kind]:.3f} | {med([r[1] for r in ok]) / 1024:.1f} | {med([r[2] for r in ok]):.2f} | {ratio} |")
EOF
    } | tee -a "$LAST"
}
