#!/usr/bin/env bash
# Webhook benchmark: accepted webhooks/s and p50/p99 of the 200 with the durable inbox, against the same server
# verifying and answering 200 without storing (POST /webhooks/{id}/verify), as the ratio; and webhook-to-flow-started
# latency. Loopback only, bounded request counts. Usage: bench/webhooks.sh [requests] [concurrency]
# BENCH_ROUTE=false routes nothing (events end as no_match), to measure the intake without flows starting meanwhile;
# BENCH_JAVA_OPTS=-Dmillflow.webhooks.dispatch=false BENCH_SKIP_LATENCY=1 measures it with no dispatch at all.
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-20000}"
concurrency="${2:-32}"
jar=engine/target/quarkus-app/quarkus-run.jar
data=target/bench-webhooks
port=18081
rm -rf "$data"; mkdir -p "$data"
export MILLFLOW_SECURITY_ADMIN_TOKEN="mf_bench-$(date +%s%N)"   # the runtime's first admin token, sent with every API call
auth="Authorization: Bearer $MILLFLOW_SECURITY_ADMIN_TOKEN"

java ${BENCH_JAVA_OPTS:-} -Dmillflow.data-dir="$data" -Dquarkus.http.port=$port -Dmillflow.sandbox.enabled=false -jar "$jar" \
  > "$data/runtime.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until grep -q "Millflow ready" "$data/runtime.log"; do
  kill -0 $pid 2>/dev/null || { cat "$data/runtime.log"; exit 1; }
  sleep 0.1
done

cat > "$data/flow.bpmn" <<'BPMN'
<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://millflow.io/bench">
  <bpmn:process id="bench-downtime" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F</bpmn:outgoing></bpmn:startEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>F</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>
BPMN
curl -sf -H "$auth" -X POST "localhost:$port/api/flows" -H 'Content-Type: application/xml' --data-binary @"$data/flow.bpmn" > /dev/null
created=$(curl -sf -H "$auth" -X POST "localhost:$port/api/triggers" -H 'Content-Type: application/json' -d '{"name":"bench",
  "signature":{"type":"hmac","header":"X-Signature","prefix":"sha256="},"eventId":"header:X-Event-Id",
  "routes":[{"condition":"'"${BENCH_ROUTE:-body.type = \\\"downtime\\\"}"'","flowId":"bench-downtime"}]}')
trigger=$(echo "$created" | python3 -c 'import json,sys; print(json.load(sys.stdin)["trigger"]["id"])')
secret=$(echo "$created" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')

# Webhook to flow started, measured first on a quiet server: one event at a time, from the POST to its status "dispatched" (the flow's instance created).
latency="skipped (BENCH_SKIP_LATENCY)"
[ -n "${BENCH_SKIP_LATENCY:-}" ] || latency=$(python3 - "$port" "$trigger" "$secret" <<'PY'
import hashlib, hmac, json, os, sys, time, urllib.request, uuid
port, trigger, secret = sys.argv[1:4]
samples = []
for i in range(20):
    body = json.dumps({"type": "downtime", "n": i}).encode()
    sig = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    event = str(uuid.uuid4())
    t0 = time.time()
    urllib.request.urlopen(urllib.request.Request(f"http://localhost:{port}/webhooks/{trigger}", data=body,
        headers={"Content-Type": "application/json", "X-Signature": sig, "X-Event-Id": event}))
    while True:
        events = json.load(urllib.request.urlopen(urllib.request.Request(f"http://localhost:{port}/api/triggers/{trigger}/events?limit=5",
            headers={"Authorization": "Bearer " + os.environ["MILLFLOW_SECURITY_ADMIN_TOKEN"]})))
        if any(e["eventId"] == event and e["status"] in ("dispatched", "no_match") for e in events):
            break
        time.sleep(0.005)
    samples.append((time.time() - t0) * 1000)
samples.sort()
print(f"p50_ms={samples[len(samples)//2]:.0f} max_ms={samples[-1]:.0f}")
PY
)
load() { java bench/WebhookLoad.java "$1" "$secret" "$requests" "$concurrency" "$2"; }
load "http://localhost:$port/webhooks/$trigger/verify" 0 > /dev/null   # warm-up of the JIT for both paths
load "http://localhost:$port/webhooks/$trigger" 0 > /dev/null
baseline=$(load "http://localhost:$port/webhooks/$trigger/verify" 0)
stored=$(load "http://localhost:$port/webhooks/$trigger" 10)

rate() { echo "$1" | sed -n 's/.*per_second=\([0-9]*\).*/\1/p'; }
echo "requests: $requests per run, $concurrency concurrent clients, loopback"
echo "verified and stored in the durable inbox (10% duplicates): $stored"
echo "verified only, nothing stored (baseline):                 $baseline"
echo "ratio stored / baseline (throughput): $(python3 -c "print(round($(rate "$stored")/$(rate "$baseline"),2))")"
echo "webhook to flow started, sequential: $latency"

# The same two paths under wrk (C, a far lighter load generator than the JVM client above, so more of the 2 cores go
# to the server). Debian: apt-get install wrk. Unique event ids per request, every tenth a duplicate.
if command -v wrk > /dev/null; then
  body='{"type":"downtime","line":"L2","reason":"jam"}'
  signature="sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.* //')"
  wrk_run() {
    WEBHOOK_BODY="$body" WEBHOOK_SIGNATURE="$signature" wrk -t2 -c"$concurrency" -d"${WRK_SECONDS:-15}s" --latency \
      -s bench/webhooks-wrk.lua "$1"
  }
  summary() {
    awk '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF}
         END {printf "per_second=%d p50=%s p99=%s non_2xx=%s", rps, p50, p99, (bad == "" ? 0 : bad)}'
  }
  wrk_run "http://localhost:$port/webhooks/$trigger/verify" > /dev/null   # warm-up
  wrk_baseline=$(wrk_run "http://localhost:$port/webhooks/$trigger/verify" | summary)
  wrk_stored=$(wrk_run "http://localhost:$port/webhooks/$trigger" | summary)
  echo "wrk, ${WRK_SECONDS:-15} s each, $concurrency connections:"
  echo "  verified and stored in the durable inbox (10% duplicates): $wrk_stored"
  echo "  verified only, nothing stored (baseline):                 $wrk_baseline"
  echo "  ratio stored / baseline (throughput): $(python3 -c "print(round($(rate "$wrk_stored")/$(rate "$wrk_baseline"),2))")"
fi
