#!/usr/bin/env bash
# Foundation benchmark: start-up time, and the example flow end to end for N purchase orders of 5 lines, each as a
# ratio against a baseline measured in the same run (bench/README.md). Usage: ./millflow bench [purchase orders]
set -euo pipefail
cd "$(dirname "$0")/.."
orders="${1:-10000}"
jar=engine/target/quarkus-app/quarkus-run.jar
data=target/bench-data
key=bench-$(date +%s)
export MILLFLOW_SECURITY_ADMIN_TOKEN="mf_bench-$(date +%s%N)"   # the runtime's first admin token, sent with every API call
auth="Authorization: Bearer $MILLFLOW_SECURITY_ADMIN_TOKEN"
port=18080
rm -rf "$data"; mkdir -p "$data"

now_ms() { date +%s%3N; }

# Baseline of start-up: a plain JVM HTTP service from the same jars (the Plex sandbox alone, 10 orders), to its first line.
t0=$(now_ms)
java -cp "engine/target/quarkus-app/lib/main/*" io.millflow.connector.plex.sandbox.PlexSandbox --port=0 \
  --purchase-orders=10 > "$data/sandbox-alone.log" 2>&1 &
sandbox_pid=$!
until grep -q "Plex sandbox at" "$data/sandbox-alone.log"; do sleep 0.01; done
jvm_ms=$(( $(now_ms) - t0 ))
kill $sandbox_pid

t0=$(now_ms)
java --add-opens=java.base/java.nio=ALL-UNNAMED -Dmillflow.data-dir="$data" -Dquarkus.http.port=$port \
  -Dmillflow.sandbox.plex-purchase-orders="$orders" -Dmillflow.sandbox.plex-rate-limit-per-minute=0 \
  -Dmillflow.sandbox.plex-api-key="$key" -jar "$jar" > "$data/runtime.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until grep -q "Millflow ready" "$data/runtime.log"; do
  kill -0 $pid 2>/dev/null || { cat "$data/runtime.log"; exit 1; }
  sleep 0.05
done
ready_ms=$(( $(now_ms) - t0 ))
plex_url=$(sed -n 's/.*Plex sandbox: \(http[^ ]*\).*/\1/p' "$data/runtime.log")
pg_port=$(sed -n 's/.*embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$data/runtime.log")

source bench/run-flow.sh

first=$(run_flow first)
incremental=$(run_flow incremental)
curl -s -H "$auth" -X DELETE "localhost:$port/api/flows/plex-po-to-postgres/sync-state" > /dev/null
second=$(run_flow rerun)
baseline=$(BASELINE_DB_PASSWORD="$(cat "$data/warehouse.password")" java -cp "engine/target/quarkus-app/lib/main/*" \
  bench/DirectSyncBaseline.java "$plex_url" "$key" "jdbc:postgresql://localhost:$pg_port/warehouse" warehouse | sed -n 's/baseline_ms=\([0-9]*\).*/\1/p')
rss_kb=$(ps -o rss= -p $pid)

first_ms=${first%% *}; second_ms=${second%% *}; incremental_ms=${incremental%% *}
echo "purchase orders: $orders x 5 lines"
echo "start-up: Millflow ready ${ready_ms} ms after launch; a plain JVM HTTP service (sandbox alone) ${jvm_ms} ms; ratio $(python3 -c "print(round($ready_ms/$jvm_ms,1))")"
echo "flow, first run (inserts): ${first_ms} ms  [${first#* }]"
echo "flow, incremental run (nothing changed since the cursor): ${incremental_ms} ms  [${incremental#* }]"
echo "flow, full re-run after a cursor reset (all unchanged): ${second_ms} ms  [${second#* }]"
echo "hand-written direct sync (baseline): ${baseline} ms; ratio first run / baseline $(python3 -c "print(round($first_ms/$baseline,2))")"
echo "runtime RSS after the runs: $((rss_kb / 1024)) MB (embedded PostgreSQL runs in its own processes)"
