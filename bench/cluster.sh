#!/usr/bin/env bash
# Cluster benchmark: flow instances per second and per-step orchestration overhead (a near no-op step's activation to
# completion, and the hand-off between steps, p50/p99) with the embedded engine, and against a Zeebe in its own
# process (engine/src/test/.../cluster/StandaloneZeebe: the same in-memory engine, reached over gRPC as a cluster is)
# with one and with two Millflow instances sharing one PostgreSQL, as a table with ratios against embedded.
# Usage: bench/cluster.sh [runs] [start requests in flight]   (default 400 and 16; runs at most 900)
# Needs the packaged runtime and the engine's test classes: ./millflow bench cluster builds both.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-400}"
inflight="${2:-16}"
jar=engine/target/quarkus-app/quarkus-run.jar
lib="engine/target/quarkus-app/lib/main/*"
data=target/bench-cluster
token="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
rm -rf "$data"; mkdir -p "$data"
head -c 32 /dev/urandom | base64 > "$data/master.key"; chmod 600 "$data/master.key"
[ -f "$jar" ] && [ -f engine/target/test-classes/io/millflow/engine/cluster/StandaloneZeebe.class ] \
  || { echo "build first: ./mvnw -B -q -DskipTests install" >&2; exit 1; }

pids=()
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=(); }
trap stop_all EXIT

await_line() { # file pattern pid
  local deadline=$((SECONDS + 120))
  until grep -q "$2" "$1" 2>/dev/null; do
    kill -0 "$3" 2>/dev/null || { echo "process of $1 died:" >&2; tail -40 "$1" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "no '$2' in $1 within 120 s" >&2; tail -40 "$1" >&2; exit 1; }
    sleep 0.1
  done
}

start_runtime() { # name port extra -D options...
  local name=$1 port=$2; shift 2
  MILLFLOW_SECURITY_ADMIN_TOKEN="$token" java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx1g \
    -Dmillflow.data-dir="$data/$name" -Dquarkus.http.port="$port" -Dmillflow.sandbox.enabled=false \
    -Dmillflow.zeebe.worker-name="$name" "$@" -jar "$jar" > "$data/$name.log" 2>&1 &
  pids+=($!)
  await_line "$data/$name.log" "Millflow ready" $!
}

load() { # flow id, base urls...
  local flow=$1; shift
  sed "s/bench-noop/$flow/" bench/cluster-noop.bpmn > "$data/$flow.bpmn"
  java -cp "$lib" bench/ClusterLoad.java "$data/$flow.bpmn" "$runs" "$inflight" "$token" "$@"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start_runtime embedded 18090
embedded=$(load bench-embedded http://127.0.0.1:18090)
echo "embedded:            $embedded"
stop_all

java -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "engine/target/test-classes:engine/target/quarkus-app/lib/boot/*:$lib" io.millflow.engine.cluster.StandaloneZeebe > "$data/zeebe.log" 2>&1 &
pids+=($!)
await_line "$data/zeebe.log" "Zeebe gateway listening on" $!
zeebe="http://127.0.0.1:$(sed -n 's/.*Zeebe gateway listening on .*:\([0-9]*\)$/\1/p' "$data/zeebe.log")"
cluster=(-Dmillflow.zeebe.address="$zeebe" -Dmillflow.security.master-key-file="$PWD/$data/master.key")
# The first instance's embedded PostgreSQL is the database both instances share, as an external one would be.
start_runtime instance-1 18091 "${cluster[@]}"
pg_port=$(sed -n 's/.*embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$data/instance-1.log" | head -1)
one=$(load bench-one http://127.0.0.1:18091)
echo "standalone, 1 inst.: $one"
# The password through the environment (MILLFLOW_DB_PASSWORD), never on a command line other users can read.
MILLFLOW_DB_PASSWORD="$(cat "$data/instance-1/postgres.password")" start_runtime instance-2 18092 "${cluster[@]}" \
  -Dmillflow.db.url="jdbc:postgresql://127.0.0.1:$pg_port/millflow" -Dmillflow.db.username=postgres
two=$(load bench-two http://127.0.0.1:18091 http://127.0.0.1:18092)
echo "standalone, 2 inst.: $two"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$embedded" "$one" "$two" <<'PY'
import sys
rows = [dict(kv.split("=", 1) for kv in line.split()) for line in sys.argv[1:]]
names = ["embedded engine, 1 instance", "standalone Zeebe, 1 instance", "standalone Zeebe, 2 instances"]
base = rows[0]
def cell(r, k, fmt="{:.0f}"):
    v, b = float(r[k]), float(base[k])
    return (fmt.format(v) + ("" if r is base else f" ({v / b:.2f}x)")) if b else fmt.format(v)
print(f"| configuration | flow instances/s | run p50 / p99 ms | step activation-to-completion p50 / p99 ms | hand-off between steps p50 / p99 ms | steps per instance |")
print("|---|---|---|---|---|---|")
for n, r in zip(names, rows):
    print(f"| {n} | {cell(r, 'per_second', '{:.1f}')} | {cell(r, 'run_p50_ms')} / {cell(r, 'run_p99_ms')} | "
          f"{cell(r, 'step_p50_ms')} / {cell(r, 'step_p99_ms')} | {cell(r, 'handoff_p50_ms')} / {cell(r, 'handoff_p99_ms')} | {r['workers']} |")
PY
