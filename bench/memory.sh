#!/usr/bin/env bash
# Memory benchmark (issue 14, "memory stays flat"): N runs (default 100,000) of the three-step no-op flow
# (bench/cluster-noop.bpmn) on one embedded Operaton runtime with a fresh data directory, durable commits and the run
# history recorded; the live heap after a full GC at 0, N/4, N/2, 3N/4 and N runs, and the bytes per run it retained.
# Usage: bench/memory.sh [runs] [start requests in flight]   (default 100000 and 16; ./millflow bench memory builds
# the runtime first). BENCH_JAVA_OPTS is given to the runtime; BENCH_JAR names another build's runtime.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-100000}"
inflight="${2:-16}"
jar="${BENCH_JAR:-engine/target/quarkus-app/quarkus-run.jar}"
lib="$(dirname "$jar")/lib/main/*"
data=target/bench-memory
token="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
[ -f "$jar" ] || { echo "build first: ./millflow bench memory" >&2; exit 1; }
rm -rf "$data"; mkdir -p "$data"
head -c 32 /dev/urandom | base64 > "$data/master.key"; chmod 600 "$data/master.key"

MILLFLOW_SECURITY_ADMIN_TOKEN="$token" java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx1g ${BENCH_JAVA_OPTS:-} \
  -Dmillflow.data-dir="$data/runtime" -Dquarkus.http.port=18096 -Dmillflow.zeebe.worker-name=memory \
  -Dmillflow.sandbox.enabled=false -Dmillflow.security.master-key-file="$PWD/$data/master.key" -jar "$jar" \
  > "$data/runtime.log" 2>&1 &
runtime=$!
trap 'kill $runtime 2>/dev/null || true; wait $runtime 2>/dev/null || true' EXIT
deadline=$((SECONDS + 180))
until grep -q "Millflow ready" "$data/runtime.log" 2>/dev/null; do
  kill -0 $runtime 2>/dev/null || { tail -40 "$data/runtime.log" >&2; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "no 'Millflow ready' within 180 s" >&2; exit 1; }
  sleep 0.2
done
port=$(sed -n 's/.*embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$data/runtime.log" | head -1)
export BENCH_DB_URL="jdbc:postgresql://127.0.0.1:$port/millflow" BENCH_DB_USER=postgres
BENCH_DB_PASSWORD="$(cat "$data/runtime/postgres.password")"
export BENCH_DB_PASSWORD
sed "s/bench-noop/bench-memory/" bench/cluster-noop.bpmn > "$data/flow.bpmn"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $runs runs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$lib" bench/MemoryLoad.java "$data/flow.bpmn" "$runs" "$inflight" "$token" http://127.0.0.1:18096 "$runtime"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); runtime RSS $(ps -o rss= -p $runtime) KB"
