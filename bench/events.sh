#!/usr/bin/env bash
# Outbound-events benchmark: the time to drain N pending events (default 100,000) to one healthy local subscriber.
# Starts the runtime (sandbox off), subscribes a receiver that answers 200 at once (EventLoad.java, same machine,
# loopback), writes the N events straight into the outbox in one transaction and waits until the receiver has them all.
# Usage: bench/events.sh [events] [timeout seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-100000}"
timeout="${2:-900}"
jar=engine/target/quarkus-app/quarkus-run.jar
data=target/bench-events
port=18082
rm -rf "$data"; mkdir -p "$data"
export MILLFLOW_SECURITY_ADMIN_TOKEN="mf_bench-$(date +%s%N)"   # the runtime's first admin token, sent with every API call

java ${BENCH_JAVA_OPTS:-} -Dmillflow.data-dir="$data" -Dquarkus.http.port=$port -Dmillflow.sandbox.enabled=false -Dmillflow.outbound.allow-hosts=127.0.0.1 -jar "$jar" \
  > "$data/runtime.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until grep -q "Millflow ready" "$data/runtime.log"; do
  kill -0 $pid 2>/dev/null || { cat "$data/runtime.log"; exit 1; }
  sleep 0.1
done
pg_port=$(sed -n 's/.*embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$data/runtime.log" | head -1)
driver=$(ls engine/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -1)

result=$(java -cp "$driver" bench/EventLoad.java "$port" "$pg_port" "$MILLFLOW_SECURITY_ADMIN_TOKEN" "$events" "$timeout")
echo "events: $events pending for one subscriber on loopback (answers 200 at once), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "drained: $result"
echo "runtime: $(ps -o rss= -p $pid | awk '{printf "RSS %d MB", $1/1024}') after the run"
