# bench/monitor/section.sh — sourced by bench/run with CONN, BUILD, record, ratio, json.
# Server cost per tick of the full sampler vs pgAdmin 4's dashboard SQL (same run, same
# server), and the GUI's event-loop stall while the dashboard monitors 20 servers.
ticks=${BENCH_MONITOR_TICKS:-1000}
out=$("$BUILD/bench/monitor/bench_monitor" cost "$CONN" "$ticks")
ours=$(echo "$out" | json ours_ms)
admin=$(echo "$out" | json pgadmin_ms)
record "monitor: backend CPU per tick, pgdeck (goal <= 1.0 ms)" "$(printf '%.3f ms' "$ours")"
record "monitor: same, every section every tick (worst case)" "$(printf '%.3f ms' "$(echo "$out" | json ours_every_section_every_tick_ms)")"
record "monitor: same sections as multi-statement simple query" "$(printf '%.3f ms' "$(echo "$out" | json ours_simple_multistatement_ms)")"
record "monitor: pgAdmin 4 dashboard SQL per refresh (baseline)" "$(printf '%.3f ms' "$admin")"
record "  ratio pgdeck / pgAdmin per tick (goal <= 1.0)" "$(ratio "$ours" "$admin")x"
secs=${BENCH_MONITOR_SECONDS:-30}
out=$(QT_QPA_PLATFORM=offscreen "$BUILD/bench/monitor/bench_monitor" stall "$CONN" 20 "$secs")
record "monitor: GUI stall p99, 20 servers at 1 s (goal <= 16 ms)" "$(echo "$out" | json p99_ms) ms (max $(echo "$out" | json max_ms) ms, $(echo "$out" | json samples) samples)"
