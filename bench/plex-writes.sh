#!/usr/bin/env bash
# Plex write benchmark (bench/README.md): N purchase-order releases created in the Plex sandbox through
# plex.release.upsert with one record in flight and with the step's default, against a bare java.net.http loop
# making the same calls, in alternating rounds; then a dry run over the releases written. A JVM of its own, no
# engine, no database; the sandbox in the benchmark's JVM (in-process) or in one of its own (own-jvm).
#   ./millflow bench plex-writes [releases, default 10000] [rounds, default 4] [in-process|own-jvm]
# Environment: MVN=./mvnw.
set -euo pipefail
cd "$(dirname "$0")/.."
releases="${1:-10000}"
rounds="${2:-4}"
where="${3:-in-process}"
mvn="${MVN:-./mvnw}"
$mvn -B -q -pl connectors/plex -am -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
classpath="connectors/plex/target/test-classes:connectors/plex/target/classes:$(cat connectors/plex/target/bench-classpath.txt)"

echo "$(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
log="connectors/plex/target/plex-writes-bench.log"
if ! java -cp "$classpath" io.millflow.connector.plex.bench.PlexReleaseWriteBenchmark "$releases" "$rounds" "$where" > "$log" 2>&1; then
  tail -30 "$log" >&2
  exit 1
fi
grep -E '^\||^sandbox|^round' "$log"
