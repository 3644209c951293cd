#!/usr/bin/env bash
# Source benchmark (bench/README.md): each connector reads N records from its sandbox through its step into a dataset
# store, against a bare java.net.http loop making the same calls and parsing the same JSON, in a JVM of its own.
#   ./millflow bench sources [records, default 1000000] [Plex rounds, default 3]
# Plex and NetSuite read purchase-order lines; Idhammar has no purchase orders and reads downtime events.
# Environment: SOURCES="plex netsuite idhammar" (which), SOURCES_HEAP=4g, MVN=./mvnw.
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-1000000}"
plex_rounds="${2:-3}"
mvn="${MVN:-./mvnw}"
systems="${SOURCES:-plex netsuite idhammar}"
modules=$(for system in $systems; do printf 'connectors/%s,' "$system"; done)
$mvn -B -q -DskipTests install -pl "${modules%,}" -am

echo "$(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "| source | records | connector s | records/s | raw HTTP s | records/s | connector / raw (time) |"
echo "|---|---|---|---|---|---|---|"
for system in $systems; do
  module="connectors/$system"
  $mvn -B -q -pl "$module" test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
  classpath="$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench-classpath.txt")"
  case "$system" in
    plex) main=io.millflow.connector.plex.bench.PlexReadBenchmark; args="$records $plex_rounds" ;;
    netsuite) main=io.millflow.connector.netsuite.bench.NetSuiteReadBenchmark; args="$records" ;;
    idhammar) main=io.millflow.connector.idhammar.bench.IdhammarReadBenchmark; args="$records" ;;
    *) echo "unknown source $system" >&2; exit 2 ;;
  esac
  log="$module/target/bench.log"
  # shellcheck disable=SC2086
  if ! java -Xmx"${SOURCES_HEAP:-4g}" -cp "$classpath" "$main" $args > "$log" 2>&1; then
    tail -30 "$log" >&2
    exit 1
  fi
  grep '^| *[0-9]' "$log" | sed "s/^|/| $system |/"
done
