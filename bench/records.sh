#!/usr/bin/env bash
# Record-step benchmark (bench/README.md): records.map and records.filter over N unified purchase-order lines against
# a plain Java loop doing the same mapping and condition, in a JVM of its own, no engine, no database.
#   ./millflow bench records [lines, default 1000000]
# Environment: RECORDS_HEAP=1g, MVN=./mvnw.
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-1000000}"
mvn="${MVN:-./mvnw}"
$mvn -B -q -pl engine -am -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
classpath="engine/target/classes:engine/target/test-classes:$(cat engine/target/bench-classpath.txt)"

echo "$(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
log="engine/target/records-bench.log"
if ! java -Xmx"${RECORDS_HEAP:-1g}" -cp "$classpath" io.millflow.engine.records.bench.RecordStepsBenchmark "$lines" \
  > "$log" 2>&1; then
  tail -30 "$log" >&2
  exit 1
fi
grep '^|' "$log"
