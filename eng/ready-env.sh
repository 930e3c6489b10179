# Sourced by eng/test.sh and eng/run-comparison.sh: makes the machine container-ready and exports the
# settings eng/container-ready.sh wrote (Docker endpoint and API version, images, network mode, store).
bash "$repo_root/eng/container-ready.sh"
set -a
# shellcheck source=/dev/null
. "$repo_root/eng/.perf-env"
set +a
# The live dashboard's chart library (uplot, pinned in src/Perf.Dashboard/package-lock.json), which the build embeds.
# shellcheck source=eng/packages.sh
. "$repo_root/eng/packages.sh"
pkg_npm_ci "$repo_root/src/Perf.Dashboard"
