#!/usr/bin/env bash
# Observability benchmark: what metrics and tracing cost. The packaged runtime runs the webhook bench's intake and the
# foundation bench's flow, once with metrics and tracing off (millflow.metrics.enabled=false, no OTLP endpoint) and
# once with both on (spans exported over OTLP/HTTP to a local receiver started here, /q/metrics scraped every 5 s), in
# the order off, on, on, off so that drift of the shared host falls on both; the ratio is on / off (bench/README.md).
# Usage: ./millflow bench observe [purchase orders] [webhook requests] [concurrency]   (default 3000, 4000, 16)
# BENCH_ROUNDS (a multiple of 4, default 4) repeats the order off, on, on, off; 0 webhook requests measures the flow
# alone; BENCH_JFR=1 records each round with Java Flight Recorder (round folder, runtime.jfr).
set -euo pipefail
cd "$(dirname "$0")/.."
orders="${1:-3000}"
requests="${2:-4000}"
concurrency="${3:-16}"
jar="${BENCH_JAR:-engine/target/quarkus-app/quarkus-run.jar}"   # BENCH_JAR: a copy, to build meanwhile
data=target/bench-observe
port=18082
management=19082
export MILLFLOW_SECURITY_ADMIN_TOKEN="mf_bench-$(date +%s%N)"
auth="Authorization: Bearer $MILLFLOW_SECURITY_ADMIN_TOKEN"
rm -rf "$data"; mkdir -p "$data"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

java bench/OtlpReceiver.java > "$data/otlp.log" 2>&1 &
pids+=($!)
until grep -q "OTLP receiver on port" "$data/otlp.log"; do sleep 0.1; done
otlp_port=$(sed -n 's/OTLP receiver on port //p' "$data/otlp.log")

# One round: a fresh runtime in the given mode; prints "webhooks_per_s=<r> webhook_p99_ms=<x> flow_ms=<first> rerun_ms=<re-run>".
round() {
  local mode=$1 dir="$data/$1-$2" opts
  if [ "$mode" = on ]; then
    opts="-Dmillflow.tracing.otlp-endpoint=http://127.0.0.1:$otlp_port/v1/traces"
  else
    opts="-Dmillflow.metrics.enabled=false"
  fi
  mkdir -p "$dir"
  [ "${BENCH_JFR:-0}" = 1 ] && opts="$opts -XX:StartFlightRecording=filename=$dir/runtime.jfr,settings=profile"
  java --add-opens=java.base/java.nio=ALL-UNNAMED $opts -Dmillflow.data-dir="$dir" -Dquarkus.http.port=$port \
    -Dquarkus.management.port=$management -Dmillflow.sandbox.plex-purchase-orders="$orders" \
    -Dmillflow.sandbox.plex-rate-limit-per-minute=0 -jar "$jar" > "$dir/runtime.log" 2>&1 &
  local pid=$!
  pids+=($pid)
  until grep -q "Millflow ready" "$dir/runtime.log" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$dir/runtime.log" >&2; exit 1; }
    sleep 0.1
  done
  local scraper=""
  if [ "$mode" = on ]; then
    (while sleep 5; do curl -s "localhost:$management/q/metrics" > /dev/null || true; done) &
    scraper=$!
  fi

  # The webhook bench's flow: a start and an end event, so every accepted webhook starts a run and nothing more.
  cat > "$dir/flow.bpmn" <<'BPMN'
<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://millflow.io/bench">
  <bpmn:process id="bench-downtime" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F</bpmn:outgoing></bpmn:startEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>F</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>
BPMN
  curl -sf -H "$auth" -X POST "localhost:$port/api/flows" -H 'Content-Type: application/xml' \
    --data-binary @"$dir/flow.bpmn" > /dev/null
  local created trigger secret
  created=$(curl -sf -H "$auth" -X POST "localhost:$port/api/triggers" -H 'Content-Type: application/json' -d '{"name":"bench",
    "signature":{"type":"hmac","header":"X-Signature","prefix":"sha256="},"eventId":"header:X-Event-Id",
    "routes":[{"condition":"body.type = \"downtime\"","flowId":"bench-downtime"}]}')
  trigger=$(echo "$created" | python3 -c 'import json,sys; print(json.load(sys.stdin)["trigger"]["id"])')
  secret=$(echo "$created" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
  local load="per_second=0 p99_ms=0"
  if [ "$requests" -gt 0 ]; then
    java bench/WebhookLoad.java "http://localhost:$port/webhooks/$trigger" "$secret" $((requests / 4)) "$concurrency" 0 > /dev/null
    load=$(java bench/WebhookLoad.java "http://localhost:$port/webhooks/$trigger" "$secret" "$requests" "$concurrency" 10)
    await_inbox_drained "$trigger"
  fi

  local first rerun
  first=$(run_flow "$dir" first)
  rerun=$(run_flow "$dir" rerun)
  [ -z "$scraper" ] || kill $scraper
  kill $pid; wait $pid 2>/dev/null || true
  echo "webhooks_per_s=$(echo "$load" | sed -n 's/.*per_second=\([0-9]*\).*/\1/p')" \
    "webhook_p99_ms=$(echo "$load" | sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p')" "flow_ms=${first%% *}" "rerun_ms=${rerun%% *}"
}

# Until the 500 latest accepted webhooks have been dispatched (their runs started), so the flow runs on a quiet inbox.
await_inbox_drained() {
  until [ "$(curl -s -H "$auth" "localhost:$port/api/triggers/$1/events?limit=500" |
      python3 -c 'import json,sys; print(sum(e["status"] == "pending" for e in json.load(sys.stdin)))')" = 0 ]; do
    sleep 0.5
  done
}

# Runs plex-po-to-postgres through the API from a reset cursor, so it reads every order; prints the run's ms.
run_flow() {
  local id started status
  curl -s -H "$auth" -X DELETE "localhost:$port/api/flows/plex-po-to-postgres/sync-state" > /dev/null
  started=$(curl -s -H "$auth" -X POST "localhost:$port/api/flows/plex-po-to-postgres/runs" -H 'Content-Type: application/json' \
    -d '{"variables":{}}')
  id=$(echo "$started" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || { echo "start failed: $started" >&2; exit 1; }
  while true; do
    status=$(curl -s -H "$auth" "localhost:$port/api/runs/$id")
    [ "$(echo "$status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["run"]["status"])')" = running ] || break
    sleep 0.2
  done
  echo "$status" > "$1/run-$2.json"
  python3 - "$1/run-$2.json" "$orders" <<'PY'
import json, sys
from datetime import datetime
r = json.load(open(sys.argv[1]))
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
assert r["run"]["status"] == "completed", r["run"]
read = r["steps"][0]["step"]
assert read["recordsOut"] == int(sys.argv[2]), f"the read had {read['recordsOut']} orders, not {sys.argv[2]}"
print(int((t(r["run"]["endedAt"]) - t(r["run"]["startedAt"])).total_seconds() * 1000))
PY
}

results=()
rounds="${BENCH_ROUNDS:-4}"
[ $((rounds % 4)) = 0 ] && [ "$rounds" -gt 0 ] || { echo "BENCH_ROUNDS must be a multiple of 4" >&2; exit 2; }
for mode in $(for _ in $(seq $((rounds / 4))); do echo off on on off; done); do
  n=$(( ${#results[@]} + 1 ))
  result=$(round $mode $n)
  echo "round $n, metrics and tracing $mode: $result"
  results+=("$mode $result")
done
echo "OTLP receiver: $(curl -s "localhost:$otlp_port/count")"
printf '%s\n' "${results[@]}" | python3 -c '
import sys, statistics
rows = {"on": [], "off": []}
for line in sys.stdin:
    mode, *fields = line.split()
    rows[mode].append({k: float(v) for k, v in (f.split("=") for f in fields)})
mean = lambda mode, key: statistics.mean(r[key] for r in rows[mode])
print(f"purchase orders: '"$orders"' x 5 lines; webhooks: '"$requests"' per round, '"$concurrency"' clients")
for key, what, better in [("webhooks_per_s", "webhooks accepted/s", "higher"), ("webhook_p99_ms", "webhook p99 ms", "lower"),
                          ("flow_ms", "flow, first run ms", "lower"), ("rerun_ms", "flow, re-run ms", "lower")]:
    off, on = mean("off", key), mean("on", key)
    if off == 0:
        continue
    spread = lambda mode: "%.0f-%.0f" % (min(r[key] for r in rows[mode]), max(r[key] for r in rows[mode]))
    off_spread, on_spread = spread("off"), spread("on")
    off_median = statistics.median(r[key] for r in rows["off"])
    on_median = statistics.median(r[key] for r in rows["on"])
    cost = lambda off, on: (off / on - 1) if better == "higher" else (on / off - 1)
    print(f"{what}: off {off:.0f} ({off_spread}), on {on:.0f} ({on_spread}); ratio on/off of the means {on/off:.3f}"
          f" (cost {cost(off, on)*100:+.1f} %), of the medians {on_median/off_median:.3f}"
          f" (cost {cost(off_median, on_median)*100:+.1f} %)")
'
