# Sourced by eng/test.sh and eng/run-comparison.sh: makes the machine container-ready and exports the
# settings eng/container-ready.sh wrote (Docker endpoint and API version, images, network mode, store).
bash "$repo_root/eng/container-ready.sh"
set -a
# shellcheck source=/dev/null
. "$repo_root/eng/.perf-env"
set +a
