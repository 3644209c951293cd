# Sourced by the benches that drive the packaged runtime (foundation.sh, ledger.sh). Needs $port, $auth and $data.
# run_flow NAME: starts plex-po-to-postgres through the API, waits for its end, keeps the run in $data/run-NAME.json
# and prints "<run ms> <step>=<ms> ..." (the run's and each step's time as the run history records them).
run_flow() {
  local id status run_status started
  started=$(curl -s -H "$auth" -X POST "localhost:$port/api/flows/plex-po-to-postgres/runs" -H 'Content-Type: application/json' \
    -d '{"variables":{}}')
  id=$(echo "$started" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || { echo "start failed: $started" >&2; exit 1; }
  while true; do
    status=$(curl -s -H "$auth" "localhost:$port/api/runs/$id")
    run_status=$(echo "$status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["run"]["status"])')
    [ "$run_status" = running ] || break
    sleep 0.2
  done
  echo "$status" > "$data/run-$1.json"
  python3 - "$data/run-$1.json" <<'PY'
import json, sys
from datetime import datetime
r = json.load(open(sys.argv[1]))
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
assert r["run"]["status"] == "completed", r["run"]
print(int((t(r["run"]["endedAt"]) - t(r["run"]["startedAt"])).total_seconds() * 1000),
      " ".join(f'{s["step"]["stepType"]}={int((t(s["step"]["endedAt"]) - t(s["step"]["startedAt"])).total_seconds()*1000)}ms'
               for s in r["steps"]))
PY
}
