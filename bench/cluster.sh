#!/usr/bin/env bash
# Engine benchmark (issue 14), in one run on one machine, as tables with ratios against the embedded Operaton engine:
# 1. a flow of three no-op steps (bench/cluster-noop.bpmn): flow instances per second, and per-step overhead (a step's
#    activation to its completion, the hand-off to the next step) p50/p99, on embedded Operaton with one instance and
#    with two instances over one PostgreSQL, on the in-memory Zeebe engine in a process of its own (cluster mode, the
#    engine/src/test/.../cluster/StandaloneZeebe the cluster tests use) with one and two instances, and for a plain
#    Java loop doing the same steps' database work with no engine (bench/DirectStepsBaseline.java);
# 2. the shipped flow plex-po-to-postgres over N sandbox purchase orders (rate limit off), on embedded Operaton and on
#    the in-memory Zeebe (cluster mode): time from the run's start to its end.
# Usage: bench/cluster.sh [runs] [start requests in flight] [purchase orders]   (default 400, 16 and 10000; runs at
#   most 900)
# Needs the packaged runtime, the engine's test classes and its test class path (engine/target/test-classpath.txt):
# ./millflow bench cluster builds all three. Every runtime commits durably (fsync and synchronous_commit on), unless
# BENCH_JAVA_OPTS (given to every runtime) says otherwise, e.g. -Dmillflow.db.embedded-durability=unsafe.
# BENCH_WARMUP: the runs of the no-op flow started before any is measured (default 50; warm-up and runs at most 950
# together). The just-in-time compiler is still busy after 50: a few hundred measure a runtime nearer its steady state.
# BENCH_ONLY=operaton runs the no-op flow on one embedded Operaton instance alone and prints its line (for comparing
# two builds of the engine in a few minutes; needs only the packaged runtime).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-400}"
inflight="${2:-16}"
orders="${3:-10000}"
jar="${BENCH_JAR:-engine/target/quarkus-app/quarkus-run.jar}"   # BENCH_JAR: another build's runtime, to compare
lib="$(dirname "$jar")/lib/main/*"
data=target/bench-cluster
token="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
only="${BENCH_ONLY:-}"
[ -f "$jar" ] && { [ "$only" = operaton ] || { [ -f engine/target/test-classes/io/millflow/engine/cluster/StandaloneZeebe.class ] \
  && [ -f engine/target/test-classpath.txt ]; }; } \
  || { echo "build first: ./millflow bench cluster (the runtime, the engine's test classes and test class path)" >&2; exit 1; }
rm -rf "$data"; mkdir -p "$data"
head -c 32 /dev/urandom | base64 > "$data/master.key"; chmod 600 "$data/master.key"

pids=()
runtime_pids=()
zeebe_pid=
stop_all() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=(); runtime_pids=(); zeebe_pid=
}
trap stop_all EXIT
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

await_line() { # file pattern pid
  local deadline=$((SECONDS + 180))
  until grep -q "$2" "$1" 2>/dev/null; do
    kill -0 "$3" 2>/dev/null || { echo "process of $1 died:" >&2; tail -40 "$1" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "no '$2' in $1 within 180 s" >&2; tail -40 "$1" >&2; exit 1; }
    sleep 0.1
  done
}

start_runtime() { # name port extra -D options...
  local name=$1 port=$2; shift 2
  MILLFLOW_SECURITY_ADMIN_TOKEN="$token" java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx1g ${BENCH_JAVA_OPTS:-} \
    -Dmillflow.data-dir="$data/$name" -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 100))" \
    -Dmillflow.zeebe.worker-name="$name" \
    -Dmillflow.security.master-key-file="$PWD/$data/master.key" "$@" -jar "$jar" > "$data/$name.log" 2>&1 &
  pids+=($!); runtime_pids+=($!)
  await_line "$data/$name.log" "Millflow ready" $!
}

pg_port() { sed -n 's/.*embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$data/$1.log" | head -1; }

# A second runtime on the first one's embedded PostgreSQL, as on an external one; the password through the
# environment (MILLFLOW_DB_PASSWORD), never on a command line other users can read.
join_runtime() { # name port first-name extra -D options...
  local name=$1 port=$2 first=$3; shift 3
  MILLFLOW_DB_PASSWORD="$(cat "$data/$first/postgres.password")" start_runtime "$name" "$port" "$@" \
    -Dmillflow.db.url="jdbc:postgresql://127.0.0.1:$(pg_port "$first")/millflow" -Dmillflow.db.username=postgres
}

start_zeebe() { # sets zeebe_options
  java -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "engine/target/test-classes:$(cat engine/target/test-classpath.txt)" io.millflow.engine.cluster.StandaloneZeebe \
    > "$data/zeebe-$1.log" 2>&1 &
  pids+=($!); zeebe_pid=$!
  await_line "$data/zeebe-$1.log" "Zeebe gateway listening on" $!
  local port
  port=$(sed -n 's/.*Zeebe gateway listening on .*:\([0-9]*\)$/\1/p' "$data/zeebe-$1.log")
  # The in-memory engine's own retry backoff now and then loses a job; its tests use the worker's, so does this.
  zeebe_options=(-Dmillflow.zeebe.address="http://127.0.0.1:$port" -Dmillflow.zeebe.retry-backoff=worker)
}

# What PostgreSQL does per run is counted in the database of the runtime named (ClusterLoad reads BENCH_DB_*), and
# the CPU time of the runtimes started so far, of that PostgreSQL and of the Zeebe, if any (BENCH_CPU).
count_in() { # runtime name
  export BENCH_DB_URL="jdbc:postgresql://127.0.0.1:$(pg_port "$1")/millflow" BENCH_DB_USER=postgres
  BENCH_DB_PASSWORD="$(cat "$data/$1/postgres.password")"
  BENCH_CPU="runtime=$(IFS=,; echo "${runtime_pids[*]}") postgres=$(head -1 "$data/$1/postgres/postmaster.pid")"
  [ -z "$zeebe_pid" ] || BENCH_CPU="$BENCH_CPU zeebe=$zeebe_pid"
  export BENCH_DB_PASSWORD BENCH_CPU
}

noop_load() { # flow id, base urls...
  local flow=$1; shift
  sed "s/bench-noop/$flow/" bench/cluster-noop.bpmn > "$data/$flow.bpmn"
  java -cp "$lib" bench/ClusterLoad.java "$data/$flow.bpmn" "$runs" "$inflight" "$token" "$@"
}

po_run() { # name port: one run of plex-po-to-postgres, its time and each step's
  local id status
  id=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"variables":{}}' \
    -X POST "http://127.0.0.1:$2/api/flows/plex-po-to-postgres/runs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  while true; do
    curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$2/api/runs/$id" > "$data/po-$1.json"
    status=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["run"]["status"])' "$data/po-$1.json")
    [ "$status" = running ] || break
    sleep 0.2
  done
  python3 - "$data/po-$1.json" <<'PY'
import json, sys
from datetime import datetime
r = json.load(open(sys.argv[1]))
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
assert r["run"]["status"] == "completed", r["run"]
ms = lambda a, b: int((t(b) - t(a)).total_seconds() * 1000)
print(f'ms={ms(r["run"]["startedAt"], r["run"]["endedAt"])} steps=' + ",".join(
    f'{s["step"]["stepType"]}:{ms(s["step"]["startedAt"], s["step"]["endedAt"])}' for s in r["steps"]))
PY
}

sandbox=(-Dmillflow.sandbox.enabled=true -Dmillflow.sandbox.plex-purchase-orders="$orders"
  -Dmillflow.sandbox.plex-rate-limit-per-minute=0)
no_sandbox=(-Dmillflow.sandbox.enabled=false)
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores; load average before: $(load_average)"

# 1. The no-op flow. Embedded Operaton: one instance, the plain loop on its database, then a second instance joins.
start_runtime operaton-1 18090 "${no_sandbox[@]}"
count_in operaton-1
operaton_one=$(noop_load bench-operaton-one http://127.0.0.1:18090)
echo "operaton, 1 instance:  $operaton_one  (load $(load_average))"
if [ "$only" = operaton ]; then
  exit 0
fi
direct=$(BASELINE_DB_PASSWORD="$BENCH_DB_PASSWORD" BENCH_CPU="${BENCH_CPU#runtime=* }" java -cp "$lib" \
  bench/DirectStepsBaseline.java "$BENCH_DB_URL" postgres "$runs" "$inflight")
echo "plain loop, no engine: $direct  (load $(load_average))"
join_runtime operaton-2 18091 operaton-1 "${no_sandbox[@]}"
count_in operaton-1
operaton_two=$(noop_load bench-operaton-two http://127.0.0.1:18090 http://127.0.0.1:18091)
echo "operaton, 2 instances: $operaton_two  (load $(load_average))"
stop_all

# The in-memory Zeebe in a process of its own, runtimes in cluster mode (the first one's PostgreSQL is the shared one).
start_zeebe noop
start_runtime zeebe-1 18092 "${zeebe_options[@]}" "${no_sandbox[@]}"
count_in zeebe-1
zeebe_one=$(noop_load bench-zeebe-one http://127.0.0.1:18092)
echo "zeebe, 1 instance:     $zeebe_one  (load $(load_average))"
join_runtime zeebe-2 18093 zeebe-1 "${zeebe_options[@]}" "${no_sandbox[@]}"
count_in zeebe-1
zeebe_two=$(noop_load bench-zeebe-two http://127.0.0.1:18092 http://127.0.0.1:18093)
echo "zeebe, 2 instances:    $zeebe_two  (load $(load_average))"
stop_all
unset BENCH_DB_URL BENCH_DB_USER BENCH_DB_PASSWORD BENCH_CPU

# 2. plex-po-to-postgres over $orders sandbox orders, each engine on a fresh data directory (so all inserts).
start_runtime po-operaton 18094 "${sandbox[@]}"
po_operaton=$(po_run operaton 18094)
echo "plex-po-to-postgres, operaton: $po_operaton  (load $(load_average))"
stop_all
start_zeebe po
start_runtime po-zeebe 18095 "${zeebe_options[@]}" "${sandbox[@]}"
po_zeebe=$(po_run zeebe 18095)
echo "plex-po-to-postgres, zeebe:    $po_zeebe  (load $(load_average))"
stop_all
echo "load average after: $(load_average)"
echo

python3 - "$orders" "$operaton_one" "$operaton_two" "$zeebe_one" "$zeebe_two" "$direct" "$po_operaton" "$po_zeebe" <<'PY'
import sys
orders = int(sys.argv[1])
rows = [dict(kv.split("=", 1) for kv in line.split()) for line in sys.argv[2:7]]
names = ["embedded Operaton, 1 instance", "embedded Operaton, 2 instances, one PostgreSQL",
         "in-memory Zeebe (standalone, cluster mode), 1 instance", "in-memory Zeebe (standalone, cluster mode), 2 instances",
         "plain Java loop, no engine (DirectStepsBaseline)"]
base = rows[0]
def cell(r, k, fmt="{:.1f}"):
    if k not in r:
        return "-"
    v, b = float(r[k]), float(base.get(k, 0))
    return fmt.format(v) + ("" if r is base or not b else f" ({v / b:.2f}x)")
print("| configuration | flow instances/s | run p50 / p99 ms | step activation-to-completion p50 / p99 ms | "
      "hand-off p50 / p99 ms | start to 1st step / last step to end, p50 ms | PostgreSQL per run: commits, WAL fsyncs, WAL KB | "
      "CPU ms per run | steps per instance (sequential phase) |")
print("|---|---|---|---|---|---|---|---|---|")
cpu_names = {"runtime": "runtime", "postgres": "PostgreSQL", "zeebe": "Zeebe", "load": "load generator"}
def cpu(r):
    parts = [kv.split(":") for kv in r.get("cpu_ms_per_run", "").split(",") if kv]
    return " + ".join(f"{cpu_names.get(k, k)} {float(v):.1f}" for k, v in parts) or "-"
for n, r in zip(names, rows):
    print(f"| {n} | {cell(r, 'per_second')} | {cell(r, 'run_p50_ms')} / {cell(r, 'run_p99_ms')} | "
          f"{cell(r, 'step_p50_ms')} / {cell(r, 'step_p99_ms')} | {cell(r, 'handoff_p50_ms')} / {cell(r, 'handoff_p99_ms')} | "
          f"{cell(r, 'first_p50_ms')} / {cell(r, 'last_p50_ms')} | "
          f"{r.get('commits_per_run', '-')}, {r.get('wal_fsyncs_per_run', '-')}, {r.get('wal_kb_per_run', '-')} | {cpu(r)} | "
          f"{r['workers'].replace(',', ' + ')} |")
print()
po = [dict(kv.split("=", 1) for kv in line.split()) for line in sys.argv[7:9]]
print(f"| plex-po-to-postgres, {orders:,} orders x 5 lines | run, start to end | steps | ratio |")
print("|---|---|---|---|")
for n, r in zip(["embedded Operaton", "in-memory Zeebe (standalone, cluster mode)"], po):
    steps = ", ".join(f"{t} {int(ms) / 1000:.1f} s" for t, ms in (s.split(":") for s in r["steps"].split(",")))
    ratio = int(r["ms"]) / int(po[0]["ms"])
    print(f"| {n} | {int(r['ms']) / 1000:.1f} s | {steps} | {ratio:.2f}x |")
PY
