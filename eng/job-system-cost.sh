#!/usr/bin/env bash
# What one job costs each job system: CPU of the API, the workers and Redis per accepted job, and the Redis commands
# per job by command, for this repository's Redis Streams system and the BullMQ system, each with 1 worker (baseline)
# and 5 worker replicas (optimized). A benchmark, not a test: it prints what it measured (docs/job-systems.md quotes it).
#
# Each of the four systems is started by eng/sut-up.sh, warmed up, then loaded by `perf run` with POST /payments only
# at a constant rate; the CPU (user+sys of each container's processes, from /proc) and Redis' INFO commandstats are
# read just before the load and again once the queue has drained, and the difference is divided by the jobs accepted.
# Needs a Docker engine whose containers' processes this machine can see in /proc (a local Linux engine, as
# eng/container-ready.sh sets up), and the built CLI (`bash eng/cli-tool.sh`). Run it alone: it loads the cores.
#
#   eng/job-system-cost.sh [--rate N] [--seconds N] [--out DIR]     (defaults: 300 payments/s, 30 s, artifacts/job-system-cost)
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

rate=300 seconds=30 out="$repo_root/artifacts/job-system-cost"
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: eng/job-system-cost.sh [--rate N] [--seconds N] [--out DIR]" >&2; exit 2 ;;
  esac
done
[[ "$rate" =~ ^[0-9]+$ && "$rate" -gt 0 ]] || { echo "[job-system-cost] ERROR: --rate '$rate' must be a whole number of payments per second above 0" >&2; exit 2; }
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -gt 0 ]] || { echo "[job-system-cost] ERROR: --seconds '$seconds' must be a whole number above 0" >&2; exit 2; }

# shellcheck source=eng/ready-env.sh
. eng/ready-env.sh
# shellcheck source=eng/sut-common.sh
. eng/sut-common.sh
dotnet perf --help >/dev/null 2>&1 || bash eng/cli-tool.sh
mkdir -p "$out"

profile="$out/payments.yml"
cat > "$profile" <<EOF
# Written by eng/job-system-cost.sh: POST /payments only, at a constant rate.
config:
  target: "http://127.0.0.1:8080"
  http:
    timeout: 10
  phases:
    - name: sustained
      duration: $seconds
      arrivalRate: $rate
scenarios:
  - name: payment
    flow:
      - post:
          name: create-payment
          url: "/payments"
          json:
            amount: 125
            currency: "EUR"
            customerId: "c-1"
            description: "job system cost"
          expect:
            - statusCode: 202
EOF

# snapshot FILE : "cpu <container> <clock ticks>" per container of the manual system, then Redis' command stats
# (redis_password and redis_port: the running system's, read from eng/.sut-env after it started).
snapshot() {
  local file=$1 container name pid
  : > "$file"
  for container in $(sut_containers); do
    name=$(docker inspect -f '{{.Name}}' "$container" | tr -d /)
    pid=$(docker inspect -f '{{.State.Pid}}' "$container")
    # utime, stime, and the same of waited-for children (fields 14-17 of /proc/PID/stat), in clock ticks.
    echo "cpu $name $(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat")" >> "$file"
  done
  sut_redis_cli "$redis_password" "$redis_port" info commandstats | tr -d '\r' | grep '^cmdstat_' | sed 's/^/cmd /' >> "$file"
}

# drained URL : waits (at most 120 s) until the system's /health says nothing is queued or pending.
drained() {
  local i body
  for i in $(seq 1 240); do
    body=$(curl -fsS "$1/health" 2>/dev/null || true)
    if python3 -c 'import json,sys; q=json.loads(sys.argv[1])["queue"]; sys.exit(0 if q["length"] == 0 and q["pending"] == 0 and q["lag"] == 0 else 1)' "$body" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  echo "[job-system-cost] ERROR: the queue did not drain within 120 s: $body" >&2
  return 1
}

trap 'bash eng/sut-down.sh >/dev/null 2>&1 || true' EXIT
for system in streams bullmq; do
  for config in baseline optimized; do
    run="$system-$config"
    bash eng/sut-down.sh >/dev/null 2>&1 || true
    echo "[job-system-cost] $run: starting (eng/sut-up.sh --system $system --config $config)"
    bash eng/sut-up.sh --system "$system" --config "$config" > "$out/sut-up-$run.log" 2>&1 ||
      { cat "$out/sut-up-$run.log" >&2; exit 1; }
    api_url=$(sed -n 's/^PERF_API_URL=//p' eng/.sut-env)
    redis_password=$(sed -n "s/.*password=\([^,']*\).*/\1/p" eng/.sut-env)
    redis_port=$(sed -n "s/^PERF_REDIS_CONNECTION='[^:]*:\([0-9]*\).*/\1/p" eng/.sut-env)
    # Warm-up: a fifth of the run, so JIT and connection set-up stay out of the measured window.
    dotnet perf run "$profile" --target "$api_url" --time-scale 0.2 --progress-interval 5 > "$out/warm-up-$run.log" 2>&1
    drained "$api_url"
    snapshot "$out/before-$run.txt"
    dotnet perf run "$profile" --target "$api_url" --progress-interval 5 --label "$run" --out "$out/report-$run.json" > "$out/run-$run.log" 2>&1 ||
      echo "[job-system-cost] $run: perf run exited non-zero (its report says why: $out/run-$run.log)"
    drained "$api_url"
    snapshot "$out/after-$run.txt"
  done
done
python3 eng/job_system_cost.py "$out" | tee "$out/summary.md"
