#!/usr/bin/env bash
# The image smoke test: builds deploy/Dockerfile with podman on a base made here (no registry is reachable: a minimal
# Debian root file system from mmdebstrap plus a JRE made by jlink from the local JDK), runs it, and checks what a user
# relies on: the ready line, the health endpoint, a shipped flow run through the API to completion, every process of
# the container running as the image's non-root uid, and the data directory surviving a restart on its volume.
#
#   deploy/test-image.sh            build what is missing, test, remove the container and its volume
#   MILLFLOW_IMAGE_KEEP=1 ...       keep the container and volume for a look afterwards
#
# Needs: podman and runc, mmdebstrap (Debian packages), a JDK 21+ with jlink, and the packaged runtime
# (engine/target/quarkus-app; built with `./mvnw -B -DskipTests package` when absent). Runs as root, as podman does on
# these machines: with runc (crun fails here on rlimits and hybrid cgroups), the cgroupfs manager, no default ulimits
# and the host's network (its own containers.conf, through CONTAINERS_CONF).
set -euo pipefail
cd "$(dirname "$0")/.."

readonly WORK=deploy/target
readonly SUITE=bookworm
readonly BASE_IMAGE=localhost/millflow-test-base:latest
readonly IMAGE=localhost/millflow:smoke-test
readonly MILLFLOW_UID=10001
readonly FLOW=plex-po-to-csv
# The modules of a Temurin JRE (java.se and the jdk.* runtime modules, no development tools): what the default base
# image, eclipse-temurin:21-jre, gives the runtime.
readonly JRE_MODULES=java.se,jdk.accessibility,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.dynalink,\
jdk.httpserver,jdk.jfr,jdk.jsobject,jdk.localedata,jdk.management,jdk.management.agent,jdk.management.jfr,\
jdk.naming.dns,jdk.naming.rmi,jdk.net,jdk.nio.mapmode,jdk.sctp,jdk.security.auth,jdk.security.jgss,jdk.unsupported,\
jdk.xml.dom,jdk.zipfs

passed=0
failed=0
container=""
volume=""

log() { echo "[image] $*"; }
now_ms() { date +%s%3N; }
seconds_since() { awk -v start="$1" -v end="$(now_ms)" 'BEGIN { printf "%.1f", (end - start) / 1000 }'; }

check() {
  local what="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
    log "ok: $what"
  else
    failed=$((failed + 1))
    log "FAILED: $what"
  fi
}

require_tools() {
  if [ "$(id -u)" != 0 ]; then
    echo "image smoke test skipped: it needs root (podman as root with runc, as on these machines)"
    exit 0
  fi
  local missing=()
  for tool in podman runc mmdebstrap curl; do
    command -v "$tool" > /dev/null || missing+=("$tool")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "image smoke test skipped: ${missing[*]} not installed (apt-get install podman runc mmdebstrap curl)"
    exit 0
  fi
}

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

pick_jdk() {
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/jlink" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  echo "A JDK 21 or newer with jlink is needed to make the test base image; none found." >&2
  exit 1
}

# Podman as it runs here: runc, cgroupfs, no default ulimits (the defaults fail under runc on these machines).
configure_podman() {
  mkdir -p "$WORK"
  cat > "$WORK/containers.conf" <<'EOF'
[containers]
default_ulimits = []

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
  export CONTAINERS_CONF="$PWD/$WORK/containers.conf"
}

package_runtime() {
  if [ -f engine/target/quarkus-app/quarkus-run.jar ]; then
    return
  fi
  log "packaging the runtime (./mvnw -B -q -DskipTests package)"
  ./mvnw -B -q -DskipTests package
}

# The base stands in for eclipse-temurin:21-jre: Debian's minimal root file system with a jlinked JRE at the same
# place (/opt/java/openjdk). Rebuilt only when the suite, the JDK or the module list changes.
build_base() {
  local jdk="$1" key
  key=$(printf '%s\n' "$SUITE" "$("$jdk/bin/java" -version 2>&1)" "$JRE_MODULES" | sha256sum | cut -c1-16)
  if [ "$(podman image inspect --format '{{index .Labels "io.millflow.test-base"}}' "$BASE_IMAGE" 2>/dev/null)" = "$key" ]; then
    log "base image $BASE_IMAGE is up to date ($key)"
    return
  fi
  local start
  start=$(now_ms)
  rm -rf "$WORK/jre" "$WORK/rootfs.tar"
  nice -n 10 "$jdk/bin/jlink" --add-modules "$JRE_MODULES" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --output "$WORK/jre"
  log "timing: jlink $(seconds_since "$start") s ($(du -sh "$WORK/jre" | cut -f1))"
  start=$(now_ms)
  nice -n 10 mmdebstrap --quiet --variant=minbase \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --customize-hook='mkdir -p "$1/opt/java/openjdk"' \
    --customize-hook="sync-in $PWD/$WORK/jre /opt/java/openjdk" \
    "$SUITE" "$WORK/rootfs.tar"
  log "timing: mmdebstrap $(seconds_since "$start") s"
  start=$(now_ms)
  podman import --quiet \
    --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV JAVA_HOME=/opt/java/openjdk' --change 'ENV LANG=C.UTF-8' \
    --change "LABEL io.millflow.test-base=$key" \
    "$WORK/rootfs.tar" "$BASE_IMAGE" > /dev/null
  rm -rf "$WORK/jre" "$WORK/rootfs.tar"
  log "timing: import $(seconds_since "$start") s"
}

build_image() {
  local start previous
  start=$(now_ms)
  previous=$(podman image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
  nice -n 10 podman build --quiet --network=host --build-arg "BASE=$BASE_IMAGE" -f deploy/Dockerfile -t "$IMAGE" \
    engine/target/quarkus-app > /dev/null
  if [ -n "$previous" ] && [ "$previous" != "$(podman image inspect --format '{{.Id}}' "$IMAGE")" ]; then
    podman rmi "$previous" > /dev/null 2>&1 || true # the last run's image, untagged by this build
  fi
  log "timing: image build $(seconds_since "$start") s; image size $(podman image inspect --format '{{.Size}}' "$IMAGE" \
    | awk '{ printf "%.0f MB", $1 / 1000000 }') (base $(podman image inspect --format '{{.Size}}' "$BASE_IMAGE" \
    | awk '{ printf "%.0f MB", $1 / 1000000 }'))"
}

free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port found" >&2
  exit 1
}

cleanup() {
  if [ -n "$container" ] && [ -z "${MILLFLOW_IMAGE_KEEP:-}" ]; then
    podman rm --force --time 5 "$container" > /dev/null 2>&1 || true
    podman volume rm --force "$volume" > /dev/null 2>&1 || true
    rm -rf "$WORK/master-key"
  fi
}

# As the Kubernetes manifests run it: read-only root file system with a writable /tmp, no capabilities, no privilege
# escalation, the master key from a read-only file, settings from environment variables (an empty
# MILLFLOW_ZEEBE_ADDRESS, as the ConfigMap has it, means the embedded engine). Host network, but on loopback: the port
# is not exposed beyond this machine, and plain HTTP on loopback is allowed.
start_container() {
  podman run --detach --name "$container" --network=host \
    --read-only --tmpfs /tmp:rw,mode=1777 --cap-drop=ALL --security-opt=no-new-privileges \
    --volume "$volume:/var/lib/millflow" --volume "$PWD/$WORK/master-key:/etc/millflow/master-key:ro" \
    --env QUARKUS_HTTP_HOST=127.0.0.1 --env QUARKUS_HTTP_PORT="$port" \
    --env QUARKUS_MANAGEMENT_HOST=127.0.0.1 --env QUARKUS_MANAGEMENT_PORT="$management_port" \
    --env MILLFLOW_SECURITY_ADMIN_TOKEN="$token" \
    --env MILLFLOW_SECURITY_MASTER_KEY_FILE=/etc/millflow/master-key/master.key \
    --env MILLFLOW_ZEEBE_ADDRESS= --env MILLFLOW_ZEEBE_WORKER_NAME="$container" \
    "$IMAGE" > /dev/null
}

# A master key as a Kubernetes Secret mounts it: a file only the image's user reads.
write_master_key() {
  rm -rf "$WORK/master-key"
  mkdir -p "$WORK/master-key"
  head -c 32 /dev/urandom | base64 > "$WORK/master-key/master.key"
  chown -R "$MILLFLOW_UID:$MILLFLOW_UID" "$WORK/master-key"
  chmod 500 "$WORK/master-key"
  chmod 400 "$WORK/master-key/master.key"
}

# The ready line, or the container's end, or a timeout.
wait_ready() {
  local ready_lines="$1" deadline=$((SECONDS + 180))
  while [ "$SECONDS" -lt "$deadline" ]; do
    local text
    text=$(container_log)
    if [ "$(grep -c 'Millflow ready' <<< "$text")" -ge "$ready_lines" ]; then
      return 0
    fi
    if [ "$(podman inspect --format '{{.State.Running}}' "$container")" != true ]; then
      log "the container stopped before it was ready; its log:"
      podman logs "$container" 2>&1 | tail -40
      return 1
    fi
    sleep 1
  done
  log "not ready after 180 s; the log:"
  podman logs "$container" 2>&1 | tail -40
  return 1
}

http_status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

# Health is on the management interface (its own port), as the Kubernetes probes reach it: both must answer 200.
health_answers() {
  local ready live
  ready=$(http_status "http://127.0.0.1:$management_port/q/health/ready")
  live=$(http_status "http://127.0.0.1:$management_port/q/health/live")
  log "health: ready $ready, live $live"
  [ "$ready" = 200 ] && [ "$live" = 200 ]
}

api() { curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }

# The container's whole log, read into a variable first: under pipefail, `podman logs | grep -q` fails at random when
# grep stops at its first match and podman is killed by SIGPIPE while it still writes (so does `curl | grep -q`).
container_log() { podman logs "$container" 2>&1; }
log_has() {
  local text
  text=$(container_log)
  grep -q -F -- "$1" <<< "$text"
}
log_matches() {
  local text
  text=$(container_log)
  grep -q -E -- "$1" <<< "$text"
}

start_run() {
  local answer
  answer=$(api -X POST -d '{"variables":{}}' "http://127.0.0.1:$port/api/flows/$FLOW/runs")
  grep -o '"id":"[^"]*"' <<< "$answer" | sed -n '1s/.*:"\(.*\)"/\1/p'
}

run_status() {
  # {"run": {"id", "flowId", "flowVersion", "status", ...}, "steps": [...]}: the first status is the run's
  local answer
  answer=$(api "http://127.0.0.1:$port/api/runs/$1")
  grep -o '"status":"[a-z_]*"' <<< "$answer" | sed -n '1s/.*:"\(.*\)"/\1/p'
}

run_completes() {
  local run="$1" status="" deadline=$((SECONDS + 120))
  [ -n "$run" ] || return 1
  while [ "$SECONDS" -lt "$deadline" ]; do
    status=$(run_status "$run")
    case "$status" in
      completed) return 0 ;;
      incident) break ;;
    esac
    sleep 1
  done
  log "run $run of $FLOW ended as '${status:-unknown}':"
  local answer
  answer=$(api "http://127.0.0.1:$port/api/runs/$run")
  echo "${answer:0:2000}"
  return 1
}

# Every process in the container (java and the embedded PostgreSQL) runs as the image's uid, none as root.
runs_as_non_root() {
  local users
  users=$(podman top "$container" huser user comm | tail -n +2)
  echo "$users" | sed 's/^/[image]   /'
  [ -n "$users" ] && ! echo "$users" | awk -v uid="$MILLFLOW_UID" '$1 != uid { bad = 1 } END { exit !bad }'
}

token_not_logged() {
  ! log_has "$token"
}

stops_on_sigterm() {
  podman stop --time 60 "$container" > /dev/null 2>&1
  local code
  code=$(podman inspect --format '{{.State.ExitCode}}' "$container")
  log "exit code after SIGTERM: $code"
  [ "$code" != 137 ]
}

# The stop's lines (from "Millflow stopping" on): there, and none of them a WARN or ERROR.
stop_is_quiet() {
  local stop
  stop=$(container_log | sed -n '/Millflow stopping/,$p')
  [ -n "$stop" ] || { log "no 'Millflow stopping' line"; return 1; }
  if echo "$stop" | grep -E '^[0-9:.]+ (WARN|ERROR) '; then
    return 1
  fi
}

data_on_volume() {
  podman run --rm --network=host --volume "$volume:/data" --entrypoint /bin/sh "$IMAGE" -c \
    'test -f /data/postgres/PG_VERSION'
}

embedded_engine_with_mounted_key() {
  log_matches 'Millflow ready .*\(engine operaton\)' && ! log_has 'Generated a master key'
}

ran_on_named_worker() {
  local answer
  answer=$(api "http://127.0.0.1:$port/api/runs/$1")
  grep -q -F "\"worker\":\"$container\"" <<< "$answer"
}

smoke_test() {
  container="millflow-smoke-$$"
  volume="millflow-smoke-$$"
  port=$(free_port)
  management_port=$(free_port)
  while [ "$management_port" = "$port" ]; do management_port=$(free_port); done
  token="mf_smoke-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  trap cleanup EXIT
  write_master_key
  local start
  start=$(now_ms)
  start_container
  check "ready line in the log" wait_ready 1
  log "timing: start to ready $(seconds_since "$start") s"
  [ "$failed" = 0 ] || return
  check "health endpoint answers" health_answers
  check "settings from the environment: embedded engine, master key from the mounted file" \
    embedded_engine_with_mounted_key
  local run
  run=$(start_run)
  check "shipped flow $FLOW started through the API completes (run ${run:-none})" run_completes "$run"
  check "the run's steps name this instance (MILLFLOW_ZEEBE_WORKER_NAME)" ran_on_named_worker "$run"
  check "every process runs as uid $MILLFLOW_UID" runs_as_non_root
  check "stops on SIGTERM within 60 s, as Kubernetes asks (terminationGracePeriodSeconds)" stops_on_sigterm
  check "the stop logs no WARN or ERROR" stop_is_quiet
  check "data directory on the volume" data_on_volume
  podman start "$container" > /dev/null
  check "ready again after a restart on the same volume" wait_ready 2
  check "the run is still there after the restart" test "$(run_status "$run")" = completed
  check "the admin token is in no log line" token_not_logged
  log "timing: smoke test $(seconds_since "$start") s"
}

require_tools
configure_podman
jdk=$(pick_jdk)
package_runtime
build_base "$jdk"
build_image
smoke_test
echo "image smoke test: $passed passed, $failed failed"
[ "$failed" = 0 ]
