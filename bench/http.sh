#!/usr/bin/env bash
# http.request benchmark (bench/README.md): the step pages through N records (offset paging, 1,000 per page) from a
# local JDK HTTP server into a counting dataset store, against a bare java.net.http loop over the same pages.
#   ./millflow bench http [records, default 1000000] [rounds, default 3]
# Environment: HTTP_BENCH_HEAP=2g, MVN=./mvnw.
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-1000000}"
rounds="${2:-3}"
mvn="${MVN:-./mvnw}"
module=connectors/http
# Compiled in one reactor with its dependencies, so the class path names their target/classes: nothing is installed.
$mvn -B -q -pl "$module" -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
classpath="$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench-classpath.txt")"
echo "$(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
java -Xmx"${HTTP_BENCH_HEAP:-2g}" -cp "$classpath" io.millflow.connector.http.bench.HttpReadBenchmark "$records" "$rounds" \
  | grep '^|'
