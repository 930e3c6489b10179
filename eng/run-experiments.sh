#!/usr/bin/env bash
# The experiments of docs/experiments.md: which knob did what, where each configuration breaks, how workers scale.
#   ./eng/run-experiments.sh capacity      # capacity search of baseline and optimized (~4 min each)
#   ./eng/run-experiments.sh scaling       # worker-scaling curve for 1, 2, 3, 5, 8 workers and its USL fit (~4 min)
#   ./eng/run-experiments.sh attribution   # 2^(4-1) design, 8 fresh environments on the 1k profile at time scale 0.25 (~12 min)
#   ./eng/run-experiments.sh tiny          # the tiny versions that also run in ./eng/test.sh (~4 min)
# The full experiments are explicit xUnit tests: a default run reports them as not run (skipped). This script selects
# one by its traits and runs it with the xUnit RunSettings option xUnit.Explicit=on (after the "--" of dotnet test).
# Settings (PERF_CAPACITY_*, PERF_SCALING_*, PERF_PROFILE, PERF_TIME_SCALE) are in docs/experiments.md.
# Reports: artifacts/perf/experiments/ (CAPACITY_<config>.md, SCALING.md, ATTRIBUTION_<profile>.md, charts/, *.json).
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

experiment="${1:-}"
case "$experiment" in
  capacity)
    filter="Category=capacity&Size=full"
    expected="about 4 min per configuration (${PERF_CAPACITY_CONFIGS:-baseline,optimized}), at most ${PERF_CAPACITY_MAX_STEPS:-20} steps of ${PERF_CAPACITY_STEP_S:-15} s each" ;;
  scaling)
    filter="Category=scaling&Size=full"
    expected="about 4 min: one fresh environment per worker count (${PERF_SCALING_WORKERS:-1,2,3,5,8})" ;;
  attribution)
    export PERF_PROFILE="${PERF_PROFILE:-1k}" PERF_TIME_SCALE="${PERF_TIME_SCALE:-0.25}"
    filter="Category=attribution&Size=full"
    expected="about 8 runs x ($(python3 -c 'import sys; print(round(240 * float(sys.argv[1])))' "$PERF_TIME_SCALE" 2>/dev/null || echo '?') s of profile ${PERF_PROFILE} + ~40 s set-up and drain)" ;;
  tiny)
    filter="Size=tiny"
    expected="about 4 min: the tiny capacity search, scaling curve and attribution" ;;
  *)
    echo "usage: $0 attribution|capacity|scaling|tiny" >&2
    exit 2 ;;
esac

echo "[experiments] $experiment: expected duration $expected."
echo "[experiments] progress lines follow (one per step or run); reports go to ${PERF_ARTIFACTS_DIR:-$repo_root/artifacts/perf}/experiments/"
started=$(date +%s)

# shellcheck source=eng/ready-env.sh
. eng/ready-env.sh

status=0
dotnet test tests/Perf.Scenarios -c Release -nologo --filter "$filter" --logger "console;verbosity=normal" -- xUnit.Explicit=on || status=$?
echo "[experiments] $experiment finished in $(( $(date +%s) - started )) s (exit $status); reports:"
ls -1 "${PERF_ARTIFACTS_DIR:-$repo_root/artifacts/perf}"/experiments/*.md 2>/dev/null || echo "  (none written: see the output above)"
exit $status
