# bench/run section "explain" (sourced with CONN, BUILD, record, ratio, json).
# Parse + metrics + layout of a 10,000-node plan captured from the bench sandbox, in
# TEXT and JSON, beside QJsonDocument::fromJson on the same JSON in the same run;
# then the longest GUI stall while a 5,000-node plan opens, zooms and is clicked.
out=$("$BUILD/bench/explain/bench_explain" parse --conn "$CONN" --runs "${BENCH_RUNS:-7}" | tail -n 1)
src=$(echo "$out" | json source)
record "10,000-node plan ($src): TEXT $(echo "$out" | json text_bytes) bytes, JSON $(echo "$out" | json json_bytes) bytes" ""
record "  TEXT parse+metrics+layout (goal <= 50 ms)" "$(printf '%.1f ms' "$(echo "$out" | json text_total_ms)") (parse $(printf '%.1f' "$(echo "$out" | json text_parse_ms)"), metrics $(printf '%.1f' "$(echo "$out" | json text_metrics_ms)"), layout $(printf '%.1f' "$(echo "$out" | json text_layout_ms)"))"
record "  TEXT total / fromJson of the same plan (goal 50 ms = 1.47x the issue's 34 ms fromJson)" "$(printf '%.2fx, best run %.1f ms' "$(echo "$out" | json text_vs_fromjson)" "$(echo "$out" | json text_best_ms)")"
record "  JSON parse+metrics+layout" "$(printf '%.1f ms' "$(echo "$out" | json json_total_ms)") (parse $(printf '%.1f' "$(echo "$out" | json json_parse_ms)"), metrics $(printf '%.1f' "$(echo "$out" | json json_metrics_ms)"), layout $(printf '%.1f' "$(echo "$out" | json json_layout_ms)"))"
record "  QJsonDocument::fromJson alone (baseline)" "$(printf '%.1f ms' "$(echo "$out" | json fromjson_ms)")"
record "  ratio JSON total / fromJson (goal <= 3x)" "$(printf '%.2fx' "$(echo "$out" | json json_vs_fromjson)")"
gui=$(QT_QPA_PLATFORM=offscreen "$BUILD/bench/explain/bench_explain" gui --conn "$CONN" | tail -n 1)
record "graph view, $(echo "$gui" | json nodes) nodes: longest GUI stall open/zoom/select (goal <= 50 ms)" "$(printf '%.1f ms' "$(echo "$gui" | json max_stall_ms)") (longest step $(printf '%.1f' "$(echo "$gui" | json max_step_ms)") ms, p99 $(printf '%.1f' "$(echo "$gui" | json p99_stall_ms)") ms)"
record "  open (parse off-thread + show)" "$(printf '%.0f ms' "$(echo "$gui" | json open_ms)")"
