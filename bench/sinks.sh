#!/usr/bin/env bash
# Sink benchmark (bench/README.md): postgres.write, mysql.write and mongodb.write, each against the simplest fast bare
# loader of the same rows into the same server (COPY, multi-row INSERT, insertMany), each sink in a JVM of its own.
#   ./millflow bench sinks [lines, default 1000000] [lines for MongoDB, default the same]
# Environment: SINKS="postgres mariadb mongodb" (which), SINKS_HEAP=1g, SINKS_MONGO_HEAP=4g (mongo-java-server keeps
# its data in the bench's heap), SINKS_SKIP_INSTALL=1 (use the connector jars already in ~/.m2), MVN=./mvnw.
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-1000000}"
mongo_lines="${2:-$lines}"
mvn="${MVN:-./mvnw}"
if [ "${SINKS_SKIP_INSTALL:-}" != 1 ]; then
  $mvn -B -q -DskipTests install -pl connectors/postgres,connectors/mysql,connectors/mongodb -am
fi
$mvn -B -q -f bench/sinks/pom.xml package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="bench/sinks/target/classes:$(cat bench/sinks/target/classpath.txt)"

echo "$(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "| server | lines (stored) | step | time | lines/s | heap: peak live / used (GC time, process CPU time) | reading the dataset alone | baseline | time | lines/s | heap: peak live / used (GC time, process CPU time) | step / bare |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for sink in ${SINKS:-postgres mariadb mongodb}; do
  n="$lines"; heap="${SINKS_HEAP:-1g}"
  if [ "$sink" = mongodb ]; then n="$mongo_lines"; heap="${SINKS_MONGO_HEAP:-4g}"; fi
  log="bench/sinks/target/$sink.log"
  if ! java -Xmx"$heap" -cp "$classpath" io.millflow.bench.sinks.SinkBench "$sink" "$n" > "$log" 2>&1; then
    tail -30 "$log" >&2
    exit 1
  fi
  grep '^| ' "$log"
done
