#!/usr/bin/env bash
# Removes the manual system eng/sut-up.sh started: exactly the containers (and the bridge network) labelled
# perftests.owner=sut-up, nothing else, and its eng/.sut-env. Safe to run when nothing runs.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
if [ -f eng/.perf-env ]; then
  set -a
  # shellcheck source=/dev/null
  . eng/.perf-env
  set +a
fi
# shellcheck source=eng/sut-common.sh
. eng/sut-common.sh
timeout 10 docker info >/dev/null 2>&1 || { echo "[sut-down] no Docker engine answers: nothing to remove"; exit 0; }

containers=$(sut_containers)
if [ -n "$containers" ]; then
  names=$(echo "$containers" | xargs docker inspect -f '{{.Name}}' | sed 's#^/##' | tr '\n' ' ')
  echo "$containers" | xargs docker rm -f >/dev/null
  echo "[sut-down] removed $(echo "$containers" | wc -l) container(s): $names"
else
  echo "[sut-down] no manual system is running"
fi
networks=$(sut_networks)
[ -z "$networks" ] || { echo "$networks" | xargs docker network rm >/dev/null; echo "[sut-down] removed network $SUT_NETWORK"; }
rm -f "$SUT_ENV_FILE"
