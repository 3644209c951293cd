#!/usr/bin/env bash
# Ledger benchmark (bench/README.md): the Plex purchase-order transform's mapping of N orders of 5 lines, bare and
# with the ledger's per-record tally (drift, required fields, fill rates, newest per key), alternating in one JVM.
#   ./millflow bench ledger [orders, default 10000] [rounds, default 9]
# Environment: MVN=./mvnw.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn="${MVN:-./mvnw}"
$mvn -B -q -pl engine -am -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
classpath="engine/target/classes:engine/target/test-classes:$(cat engine/target/bench-classpath.txt)"

echo "$(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
exec java -Xmx1g -cp "$classpath" io.millflow.steps.LedgerCostBenchmark "${1:-10000}" "${2:-9}"
