#!/usr/bin/env bash
# The main job: runs the baseline and the optimized configuration on the full four-phase 1k profile
# (about 4 minutes each, one after the other) and writes the comparison report.
#   PERF_PROFILE=smoke ./eng/run-comparison.sh   # the same in about 3 minutes in all
# Extra arguments go to dotnet test (the workflows add --logger GitHubActions for annotations).
# Test results: JUnit XML under artifacts/test-results/junit.
# Exit status: non-zero when a configuration breached its thresholds; the report is written either way.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

# shellcheck source=eng/ready-env.sh
. eng/ready-env.sh
export PERF_PROFILE="${PERF_PROFILE:-1k}"
export PERF_SESSION_ID="${PERF_SESSION_ID:-comparison-$(date -u +%Y%m%d-%H%M%S)}"

results="$repo_root/artifacts/test-results"
status=0
dotnet test tests/Perf.Scenarios -c Release -nologo --filter "Category=baseline|Category=optimized" \
  --results-directory "$results" --logger "junit;LogFilePath=$results/junit/{assembly}.xml" \
  --logger "console;verbosity=normal" "$@" || status=$?

artifacts="${PERF_ARTIFACTS_DIR:-$repo_root/artifacts/perf}"
if [ "$PERF_PROFILE" = 1k ]; then report="$artifacts/LOAD_TEST_COMPARISON_1K_VU.md"; else report="$artifacts/LOAD_TEST_COMPARISON_$(echo "$PERF_PROFILE" | tr '[:lower:]' '[:upper:]').md"; fi
echo
if [ -f "$report" ]; then
  echo "Comparison report: $report"
  echo "Raw data:          $artifacts/comparison-results/ and $artifacts/metrics-*.json"
else
  echo "No comparison report was written (see the test output above)."
fi
[ $status -eq 0 ] || echo "At least one configuration breached its thresholds or failed to run (exit $status): the report says which and why."
exit $status
