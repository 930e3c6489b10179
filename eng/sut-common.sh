# Sourced by eng/sut-up.sh and eng/sut-down.sh: how the manual system's containers and network are named and
# labelled. The owner label differs from the fixtures' (perf-fixtures), so neither side removes the other's.
SUT_OWNER_LABEL=perftests.owner
SUT_OWNER_VALUE=sut-up
SUT_PREFIX=perftests-manual
SUT_NETWORK=perftests-manual
SUT_ENV_FILE="$repo_root/eng/.sut-env"

sut_containers() { docker ps -aq --filter "label=$SUT_OWNER_LABEL=$SUT_OWNER_VALUE"; }
sut_networks() { docker network ls -q --filter "label=$SUT_OWNER_LABEL=$SUT_OWNER_VALUE"; }
# sut_redis_cli PASSWORD PORT ARGS... : redis-cli inside the manual system's Redis container. The password reaches it
# through the docker CLI's environment (`-e NAME` without a value), never as an argument a process list would show.
sut_redis_cli() {
  local password=$1 port=$2
  shift 2
  REDISCLI_AUTH="$password" docker exec -e REDISCLI_AUTH "$SUT_PREFIX-redis" redis-cli -p "$port" "$@"
}
