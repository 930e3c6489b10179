#!/usr/bin/env bash
# The main job: runs the baseline and the optimized configuration on the full four-phase 1k profile
# (about 4 minutes each, one after the other) and writes the comparison report.
#   PERF_PROFILE=smoke ./eng/run-comparison.sh                  # the same in about 3 minutes in all
#   PERF_REPEATS=3 PERF_TIME_SCALE=0.25 ./eng/run-comparison.sh   # baseline, optimized, baseline, … each on a fresh
#                                                                 # environment; intervals between runs
#   PERF_AA=baseline ./eng/run-comparison.sh                      # A/A: baseline twice, measures the noise floor
# Extra arguments go to dotnet test (the workflows add --logger GitHubActions for annotations).
# Test results: JUnit XML under artifacts/test-results/junit.
# Exit status: non-zero when a configuration breached its thresholds; the report is written either way.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

repeats="${PERF_REPEATS:-1}"
aa="${PERF_AA:-}"
if ! [[ "$repeats" =~ ^[1-9][0-9]*$ ]]; then
  echo "PERF_REPEATS='$repeats' is not a whole number of at least 1." >&2; exit 2
fi
if [ -n "$aa" ] && [ "$aa" != baseline ] && [ "$aa" != optimized ]; then
  echo "PERF_AA='$aa' is not a configuration (allowed: baseline, optimized)." >&2; exit 2
fi

# shellcheck source=eng/ready-env.sh
. eng/ready-env.sh
export PERF_PROFILE="${PERF_PROFILE:-1k}"
export PERF_SESSION_ID="${PERF_SESSION_ID:-comparison-$(date -u +%Y%m%d-%H%M%S)}"

results="$repo_root/artifacts/test-results"
status=0
test_args=("$@")
# One dotnet test process per run: each starts and removes its own environment, so every repeat is a fresh one.
run() {
  local category="$1"; shift
  local name="$1"; shift
  env "$@" dotnet test tests/Perf.Scenarios -c Release -nologo --no-build --filter "Category=$category" \
    --results-directory "$results" --logger "junit;LogFilePath=$results/junit/{assembly}-$name.xml" \
    --logger "console;verbosity=normal" "${test_args[@]}" || status=$?
}

if [ -z "$aa" ] && [ "$repeats" -eq 1 ]; then
  dotnet test tests/Perf.Scenarios -c Release -nologo --filter "Category=baseline|Category=optimized" \
    --results-directory "$results" --logger "junit;LogFilePath=$results/junit/{assembly}.xml" \
    --logger "console;verbosity=normal" "${test_args[@]}" || status=$?
else
  dotnet build tests/Perf.Scenarios -c Release -nologo -v q
  for i in $(seq 1 "$repeats"); do
    repeat=()
    [ "$repeats" -gt 1 ] && repeat=(PERF_REPEAT="$i")
    if [ -n "$aa" ]; then
      run "$aa" "aa-a-r$i" "${repeat[@]}" PERF_AA="$aa" PERF_AA_HALF=a
      run "$aa" "aa-b-r$i" "${repeat[@]}" PERF_AA="$aa" PERF_AA_HALF=b
    else
      run baseline "baseline-r$i" "${repeat[@]}"
      run optimized "optimized-r$i" "${repeat[@]}"
    fi
  done
fi

artifacts="${PERF_ARTIFACTS_DIR:-$repo_root/artifacts/perf}"
profile_upper="$(echo "$PERF_PROFILE" | tr '[:lower:]' '[:upper:]')"
if [ -n "$aa" ]; then report="$artifacts/LOAD_TEST_AA_$(echo "$aa" | tr '[:lower:]' '[:upper:]')_$profile_upper.md"
elif [ "$PERF_PROFILE" = 1k ]; then report="$artifacts/LOAD_TEST_COMPARISON_1K_VU.md"
else report="$artifacts/LOAD_TEST_COMPARISON_$profile_upper.md"; fi
echo
if [ -f "$report" ]; then
  echo "Comparison report: $report"
  # Its HTML twin: one file with the charts inline, to attach or open anywhere (perf html; a failure leaves the Markdown).
  if dotnet run -c Release --project src/Perf.Cli -v q -- html "$report" --out "${report%.md}.html" >/dev/null; then
    echo "As one HTML file:  ${report%.md}.html"
  fi
  echo "Headline as JSON:  $artifacts/comparison-results/$([ -n "$aa" ] && echo "aa-$aa" || echo comparison)-$PERF_PROFILE.json"
  [ -n "$aa" ] && echo "Noise floor:       $artifacts/comparison-results/noise-floor-$PERF_PROFILE.json"
  echo "Raw data:          $artifacts/comparison-results/ and $artifacts/metrics-*.json"
else
  echo "No comparison report was written (see the test output above)."
fi
[ $status -eq 0 ] || echo "At least one configuration breached its thresholds or failed to run (exit $status): the report says which and why."
exit $status
