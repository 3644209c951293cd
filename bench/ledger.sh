#!/usr/bin/env bash
# Ledger benchmarks (bench/README.md, "Ledger"): what the run ledger and the data-quality statistics cost, measured
# with them and without (-Dmillflow-bench.ledger=off, for benchmarks only), alternating in one run.
#   ./millflow bench ledger [orders, default 10000] [rounds, default 9]
#       the PO transform's per-record tally alone: N Plex orders of 5 lines mapped bare and with it, in one JVM
#   ./millflow bench ledger pipeline [orders, default 200000] [rounds, default 2]
#       N orders (5 lines each: 1,000,000 lines by default) through unified.transform and postgres.write into an
#       embedded PostgreSQL, first into empty tables, then again (all unchanged), ledger on and off, in one JVM
#   ./millflow bench ledger foundation [orders, default 10000] [rounds, default 2]
#       the packaged runtime's plex-po-to-postgres run (the foundation bench's first run and full re-run), one
#       runtime per measurement with a fresh data directory, ledger on and off in turn
# Environment: MVN=./mvnw, LEDGER_SKIP_BUILD=1 (use what target/ holds already).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn="${MVN:-./mvnw}"
mode=tally
if [ "${1:-}" = pipeline ] || [ "${1:-}" = foundation ]; then
  mode="$1"
  shift
fi
echo "$(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"

if [ "$mode" != foundation ]; then
  if [ "${LEDGER_SKIP_BUILD:-}" != 1 ]; then
    $mvn -B -q -pl engine -am -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench-classpath.txt
  fi
  classpath="engine/target/classes:engine/target/test-classes:$(cat engine/target/bench-classpath.txt)"
  if [ "$mode" = pipeline ]; then
    exec java -Xmx3g -cp "$classpath" io.millflow.steps.LedgerPipelineBenchmark "${1:-200000}" "${2:-2}"
  fi
  exec java -Xmx1g -cp "$classpath" io.millflow.steps.LedgerCostBenchmark "${1:-10000}" "${2:-9}"
fi

orders="${1:-10000}"
rounds="${2:-2}"
if [ "${LEDGER_SKIP_BUILD:-}" != 1 ]; then
  $mvn -B -q -pl engine -am -DskipTests package
fi
jar=engine/target/quarkus-app/quarkus-run.jar
port=18081
export MILLFLOW_SECURITY_ADMIN_TOKEN="mf_bench-$(date +%s%N)"
auth="Authorization: Bearer $MILLFLOW_SECURITY_ADMIN_TOKEN"
source bench/run-flow.sh

# One runtime, fresh data directory: the first run (inserts) and a full re-run after a cursor reset (all unchanged).
measure() {
  local ledger="$1" switch="" pid
  data="target/bench-ledger-$ledger"
  rm -rf "$data"; mkdir -p "$data"
  [ "$ledger" = off ] && switch="-Dmillflow-bench.ledger=off"
  java --add-opens=java.base/java.nio=ALL-UNNAMED $switch -Dmillflow.data-dir="$data" -Dquarkus.http.port=$port \
    -Dmillflow.sandbox.plex-purchase-orders="$orders" -Dmillflow.sandbox.plex-rate-limit-per-minute=0 \
    -Dmillflow.sandbox.plex-api-key="bench-$ledger" -jar "$jar" > "$data/runtime.log" 2>&1 &
  pid=$!
  until grep -q "Millflow ready" "$data/runtime.log"; do
    kill -0 $pid 2>/dev/null || { cat "$data/runtime.log" >&2; exit 1; }
    sleep 0.05
  done
  local first rerun
  first=$(run_flow first)
  curl -s -H "$auth" -X DELETE "localhost:$port/api/flows/plex-po-to-postgres/sync-state" > /dev/null
  rerun=$(run_flow rerun)
  kill $pid; wait $pid 2>/dev/null || true
  echo "${first%% *} ${rerun%% *} [${first#* }] [${rerun#* }]"
}

results="target/bench-ledger-results.txt"
: > "$results"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then order="on off"; else order="off on"; fi
  for ledger in $order; do
    line=$(measure "$ledger")
    echo "round $round, ledger $ledger: first run, re-run (ms): $line"
    echo "$ledger $line" >> "$results"
  done
done
python3 - "$results" "$orders" <<'PY'
import sys, statistics
rows = [line.split() for line in open(sys.argv[1])]
for i, what in ((1, "first run (inserts)"), (2, "full re-run (all unchanged)")):
    on = statistics.median(int(r[i]) for r in rows if r[0] == "on")
    off = statistics.median(int(r[i]) for r in rows if r[0] == "off")
    print(f"| {int(sys.argv[2]):,} POs x 5 lines, {what}, median | without the ledger {off/1000:.2f} s | "
          f"with {on/1000:.2f} s | with / without {on/off:.3f} |")
PY
