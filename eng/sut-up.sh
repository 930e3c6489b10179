#!/usr/bin/env bash
# Starts the system under test by hand, the way the perf fixtures do (tests/Perf.Fixtures/PerfEnvironment*.cs):
# Redis (with redis.conf for the optimized configuration), the result store's MongoDB where one runs, the API
# and N workers, from the images eng/container-ready.sh made, with the same SUT settings, on loopback ports.
# Waits for each part to be ready, then prints the API URL and the Redis connection string, and writes them
# to eng/.sut-env for the suite's external mode. Works on a registry-less machine (host networking, Redis
# store) and on a laptop with Docker (bridge network, MongoDB store). eng/sut-down.sh removes what it started.
#
#   eng/sut-up.sh [--config baseline|optimized] [--system streams|bullmq] [--workers N] [--api-port PORT]
#
# --system bullmq starts the BullMQ system (src/BullmqSystemUnderTest, image PERF_BULLMQ_SUT_IMAGE) with the same
# settings instead of this repository's Redis Streams system; eng/.sut-env then also says PERF_SYSTEM=bullmq.
#
# Knobs as in the suite: PERF_<CONFIG>_WORKERS, PERF_<CONFIG>_REDIS_CONF (a path, or none),
# PERF_<CONFIG>_REDIS_POOL_SIZE, PERF_<CONFIG>_BACKPRESSURE, PERF_<CONFIG>_BACKPRESSURE_MAX_LAG,
# PERF_WORKER_CONCURRENCY, PERF_SIMULATED_DOWNSTREAM_MS; images, network mode and store from eng/.perf-env.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

say() { printf '[sut-up] %s\n' "$*"; }
fail() { printf '[sut-up] ERROR: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

config=optimized workers="" api_port="" system=${PERF_SYSTEM:-streams}
while [ $# -gt 0 ]; do
  case "$1" in
    --config) config=${2:?--config needs baseline or optimized}; shift 2 ;;
    --workers) workers=${2:?--workers needs a number}; shift 2 ;;
    --system) system=${2:?--system needs streams or bullmq}; shift 2 ;;
    --api-port) api_port=${2:?--api-port needs a port}; shift 2 ;;
    -h|--help) usage ;;
    *) printf '[sut-up] ERROR: unknown argument %s\n' "$1" >&2; usage ;;
  esac
done

int_in_range() { [[ $2 =~ ^[0-9]+$ ]] && [ "$2" -ge "$3" ] && [ "$2" -le "$4" ] || fail "$1='$2' is not an integer from $3 to $4."; }
bool_value() { case "$2" in true|True|false|False) echo "$2" | tr '[:upper:]' '[:lower:]' ;; *) fail "$1='$2' is not a boolean (allowed: true, false)." ;; esac; }

# The presets of tests/Perf.Fixtures/Settings/EnvironmentPresets.cs, then the same PERF_* overrides.
case "$config" in
  baseline) d_workers=1 d_conf=none d_pool=1 d_backpressure=false ;;
  optimized) d_workers=5 d_conf=redis.conf d_pool=4 d_backpressure=true ;;
  *) fail "--config '$config' is not allowed (allowed: baseline, optimized)." ;;
esac
scope="PERF_$(echo "$config" | tr '[:lower:]' '[:upper:]')_"
var() { local name="$scope$1"; echo "${!name:-$2}"; }
workers=${workers:-$(var WORKERS "$d_workers")}
int_in_range "--workers (or ${scope}WORKERS)" "$workers" 1 64
redis_conf=$(var REDIS_CONF "$d_conf")
pool_size=$(var REDIS_POOL_SIZE "$d_pool"); int_in_range "${scope}REDIS_POOL_SIZE" "$pool_size" 1 64
backpressure=$(bool_value "${scope}BACKPRESSURE" "$(var BACKPRESSURE "$d_backpressure")")
max_lag=$(var BACKPRESSURE_MAX_LAG 5000); int_in_range "${scope}BACKPRESSURE_MAX_LAG" "$max_lag" 1 10000000
concurrency=${PERF_WORKER_CONCURRENCY:-8}; int_in_range PERF_WORKER_CONCURRENCY "$concurrency" 1 1024
downstream_ms=${PERF_SIMULATED_DOWNSTREAM_MS:-20}; int_in_range PERF_SIMULATED_DOWNSTREAM_MS "$downstream_ms" 0 60000
if [ "$redis_conf" != none ]; then
  case "$redis_conf" in /*) ;; *) redis_conf="$repo_root/$redis_conf" ;; esac
  [ -f "$redis_conf" ] || fail "Redis configuration file '$redis_conf' of configuration '$config' does not exist (set ${scope}REDIS_CONF to an existing file, or to 'none' for Redis defaults)."
fi
[ -z "$api_port" ] || int_in_range --api-port "$api_port" 1 65535
case "$system" in streams|bullmq) ;; *) fail "--system (or PERF_SYSTEM) '$system' is not allowed (allowed: streams, bullmq)." ;; esac
command -v curl >/dev/null 2>&1 || fail "curl not found: it checks the API's /health (install curl)."

# shellcheck source=eng/ready-env.sh
. eng/ready-env.sh
network=${PERF_NETWORK_MODE:-host} store=${PERF_STORE:-redis}
case "$network" in host|bridge) ;; *) fail "PERF_NETWORK_MODE='$network' is not allowed (allowed: bridge, host)." ;; esac
case "$store" in redis|mongo) ;; *) fail "PERF_STORE='$store' is not allowed (allowed: mongo, redis)." ;; esac
image_exists() { docker image inspect "$1" >/dev/null 2>&1 || fail "image '$1' not found (run eng/container-ready.sh, or set $2)."; }
image_exists "$PERF_REDIS_IMAGE" PERF_REDIS_IMAGE
if [ "$system" = bullmq ]; then
  sut_image=${PERF_BULLMQ_SUT_IMAGE:-perftests/bullmq-sut:local}; image_exists "$sut_image" PERF_BULLMQ_SUT_IMAGE
else
  sut_image=$PERF_SUT_IMAGE; image_exists "$sut_image" PERF_SUT_IMAGE
fi
[ "$store" = redis ] || image_exists "$PERF_MONGO_IMAGE" "PERF_MONGO_IMAGE (or PERF_STORE=redis)"

# shellcheck source=eng/sut-common.sh
. eng/sut-common.sh
if [ -n "$(sut_containers)" ]; then
  say "a manual system is already running: removing it first"
  bash eng/sut-down.sh
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port_is_free() { python3 -c 'import socket, sys; s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null; }
if [ -z "$api_port" ]; then
  if port_is_free 8080; then api_port=8080; else api_port=$(free_port); fi
elif ! port_is_free "$api_port"; then
  fail "--api-port $api_port is in use on 127.0.0.1: pick another port or leave it out (8080 or any free one)."
fi
redis_port=$(free_port)
password=${REDIS_PASSWORD:-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')}
run_id="sut-up-$(date -u +%H%M%S)"
started=$(date +%s%N)
labels=(--label "$SUT_OWNER_LABEL=$SUT_OWNER_VALUE" --label "perftests.run=$run_id")

# Everything that fails from here on removes what was already started.
trap 'status=$?; [ -z "${secret_dir:-}" ] || rm -rf "$secret_dir"; if [ $status -ne 0 ]; then say "start failed: removing what was started"; bash eng/sut-down.sh >/dev/null 2>&1 || true; fi' EXIT

if [ "$network" = bridge ]; then
  docker network create "${labels[@]}" "$SUT_NETWORK" >/dev/null
  net_args=(--network "$SUT_NETWORK")
  redis_alias=(--network-alias redis)
  redis_listen=6379 redis_for_sut="redis:6379" redis_bind="* -::*"
else
  net_args=(--network host)
  redis_alias=()
  redis_listen=$redis_port redis_for_sut="127.0.0.1:$redis_port" redis_bind="127.0.0.1"
fi

log_tail() { docker logs --tail 30 "$1" 2>&1 | sed 's/^/    | /'; }
# wait_for WHAT CONTAINER COMMAND...: runs COMMAND until it succeeds, for at most 60 s; gives up at once when
# the container exited, with its log.
wait_for() {
  local what=$1 container=$2; shift 2
  local deadline=$(( $(date +%s) + 60 ))
  until "$@" >/dev/null 2>&1; do
    if [ "$(docker inspect -f '{{.State.Running}}' "$container" 2>/dev/null)" != true ]; then
      printf '[sut-up] ERROR: gave up waiting for %s: container %s exited (code %s). Its log:\n' "$what" "$container" \
        "$(docker inspect -f '{{.State.ExitCode}}' "$container" 2>/dev/null)" >&2
      log_tail "$container" >&2; exit 1
    fi
    if [ "$(date +%s)" -ge $deadline ]; then
      printf '[sut-up] ERROR: waited 60 s for %s and it did not happen. Log of %s:\n' "$what" "$container" >&2
      log_tail "$container" >&2; exit 1
    fi
    sleep 0.2
  done
}
redis_cli() { sut_redis_cli "$password" "$redis_listen" "$@"; }

# Redis: the configuration's file plus port, bind address and password, copied into the container (as the
# fixtures do: RedisConfigText), so the password is in no command line and no file on the host.
conf_dir=$(mktemp -d)
{
  [ "$redis_conf" = none ] || cat "$redis_conf"
  printf '\n# --- set by eng/sut-up.sh ---\nport %s\nbind %s\nrequirepass %s\n' "$redis_listen" "$redis_bind" "$password"
} > "$conf_dir/perf.conf"
# Readable by the image's Redis user (the official image drops root); docker cp keeps these modes.
chmod 755 "$conf_dir"; chmod 644 "$conf_dir/perf.conf"
redis_publish=()
[ "$network" = host ] || redis_publish=(-p "127.0.0.1:$redis_port:6379")
docker create --name "$SUT_PREFIX-redis" "${labels[@]}" "${net_args[@]}" "${redis_alias[@]}" "${redis_publish[@]}" \
  "$PERF_REDIS_IMAGE" /etc/redis/perf.conf >/dev/null
docker cp "$conf_dir/." "$SUT_PREFIX-redis:/etc/redis" >/dev/null
rm -rf "$conf_dir"
docker start "$SUT_PREFIX-redis" >/dev/null
redis_answers_ping() { redis_cli ping | grep -q PONG; }
wait_for "Redis to answer PING on 127.0.0.1:$redis_port" "$SUT_PREFIX-redis" redis_answers_ping
say "redis ready ($(basename "${redis_conf/#none/Redis defaults}"), port $redis_port)"

mongo_for_sut="mongodb://127.0.0.1:1" mongo_for_host=""
if [ "$store" = mongo ]; then
  mongo_port=$(free_port)
  if [ "$network" = bridge ]; then
    docker run -d --name "$SUT_PREFIX-mongo" "${labels[@]}" "${net_args[@]}" --network-alias mongo \
      -p "127.0.0.1:$mongo_port:27017" "$PERF_MONGO_IMAGE" >/dev/null
    mongo_for_sut="mongodb://mongo:27017"
  else
    docker run -d --name "$SUT_PREFIX-mongo" "${labels[@]}" "${net_args[@]}" \
      "$PERF_MONGO_IMAGE" --bind_ip 127.0.0.1 --port "$mongo_port" >/dev/null
    mongo_for_sut="mongodb://127.0.0.1:$mongo_port"
  fi
  mongo_for_host="mongodb://127.0.0.1:$mongo_port"
  mongo_waits_for_connections() { docker logs "$SUT_PREFIX-mongo" 2>&1 | grep -q 'Waiting for connections'; }
  wait_for "MongoDB to log 'Waiting for connections'" "$SUT_PREFIX-mongo" mongo_waits_for_connections
  say "mongo ready (port $mongo_port)"
fi

# The SUT's settings, as PerfEnvironment.SutEnvironment gives them to every API and worker container. The password is
# not among them (environment variables show in `docker inspect`): each container gets it as a file, copied in before
# it starts (start_with_password), and Redis__PasswordFile names it.
secret_dir=$(mktemp -d)
mkdir -p "$secret_dir/run/secrets"
printf '%s' "$password" > "$secret_dir/run/secrets/redis-password"
# Readable by the image's user (not root) inside the container; on the host the directory stays private (mktemp -d).
chmod 755 "$secret_dir/run" "$secret_dir/run/secrets"; chmod 644 "$secret_dir/run/secrets/redis-password"
start_with_password() {
  local name=$1; shift
  docker create --name "$name" "$@" >/dev/null
  tar -C "$secret_dir" -c run | docker cp - "$name:/" >/dev/null
  docker start "$name" >/dev/null
}
sut_env=(
  -e "Redis__ConnectionString=$redis_for_sut,abortConnect=false,connectTimeout=5000"
  -e "Redis__PasswordFile=/run/secrets/redis-password"
  -e "Redis__PoolSize=$pool_size"
  -e "Store__Kind=$store"
  -e "Store__MongoConnectionString=$mongo_for_sut"
  -e "Store__MongoMaxPoolSize=100"
  -e "Worker__Concurrency=$concurrency"
  -e "Worker__SimulatedDownstreamMs=$downstream_ms"
  -e "Worker__FailureRate=0"
  -e "Worker__ReclaimIdleMs=30000"
  -e "Api__BackpressureEnabled=$backpressure"
  -e "Api__BackpressureMaxLag=$max_lag"
  -e "Logging__LogLevel__Default=Warning"
)

if [ "$network" = bridge ]; then
  api_net=(-p "127.0.0.1:$api_port:8080" -e "Urls=http://0.0.0.0:8080")
else
  api_net=(-e "Urls=http://127.0.0.1:$api_port")
fi
api_url="http://127.0.0.1:$api_port"
start_with_password "$SUT_PREFIX-api" "${labels[@]}" "${net_args[@]}" "${api_net[@]}" "${sut_env[@]}" \
  "$sut_image" --role api
wait_for "the API's GET $api_url/health to answer 200" "$SUT_PREFIX-api" curl -fsS --max-time 3 "$api_url/health"
say "api ready ($api_url)"

for index in $(seq 1 "$workers"); do
  consumer="worker-$index"
  start_with_password "$SUT_PREFIX-$consumer" "${labels[@]}" "${net_args[@]}" "${sut_env[@]}" \
    -e "Worker__ConsumerName=$consumer" \
    -e "Redis__ConnectionString=$redis_for_sut,abortConnect=false,connectTimeout=5000,name=$consumer" \
    "$sut_image" --role worker
done
# A worker is ready when its named connection is open and the consumer groups exist (as the fixtures check it);
# a BullMQ worker when it has a worker connection on each queue, named bull:<base64(queue)>:w:<worker name>.
worker_ready() {
  if [ "$system" = bullmq ]; then
    local clients queue
    clients=$(redis_cli CLIENT LIST)
    for queue in payments notifications; do
      grep -q " name=bull:$(printf '%s' "$queue" | base64):w:$1 " <<<"$clients" || return 1
    done
    return 0
  fi
  redis_cli CLIENT LIST | grep -q " name=$1 " &&
    redis_cli XINFO GROUPS jobs:payments | grep -qx workers &&
    redis_cli XINFO GROUPS jobs:notifications | grep -qx workers
}
ready_what="consumer group 'workers' on jobs:payments, jobs:notifications"
[ "$system" = streams ] || ready_what="a BullMQ worker on the queues payments, notifications"
for index in $(seq 1 "$workers"); do
  wait_for "worker-$index to connect to Redis with $ready_what" "$SUT_PREFIX-worker-$index" worker_ready "worker-$index"
done
say "$workers worker(s) ready"

redis_for_host="127.0.0.1:$redis_port,password=$password,abortConnect=false"
umask 077
{
  echo "# written by eng/sut-up.sh on $(date -u +%FT%TZ): the running manual system, for the suite's external mode"
  echo "PERF_MODE=external"
  echo "PERF_SYSTEM=$system"
  echo "PERF_API_URL=$api_url"
  echo "PERF_REDIS_CONNECTION='$redis_for_host'"
  [ -z "$mongo_for_host" ] || echo "PERF_MONGO_CONNECTION=$mongo_for_host"
} > "$SUT_ENV_FILE"
chmod 600 "$SUT_ENV_FILE"
rm -rf "$secret_dir"
trap - EXIT

ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
say "$config ($system): Redis + API + $workers worker(s) ready in ${ready_ms} ms ($network network, $store store, pool $pool_size, backpressure $backpressure)"
echo "API:   $api_url"
# The password stays in the env file (mode 0600), never on the terminal.
echo "Redis: 127.0.0.1:$redis_port (password: in $SUT_ENV_FILE)"
[ -z "$mongo_for_host" ] || echo "Mongo: $mongo_for_host"
echo "External-mode settings: eng/.sut-env (set -a && . eng/.sut-env && set +a). Stop with: eng/sut-down.sh"
