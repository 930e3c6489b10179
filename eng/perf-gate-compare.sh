#!/usr/bin/env bash
# Same-runner comparison for the pull-request gate: builds main's merge-base (in a git worktree) and this checkout,
# then runs one configuration from each build alternately (base, head, base, head, …), every run on a fresh
# environment, on the smoke profile. Both builds write into one artifacts directory as the two halves of an A/A run
# (PERF_AA, base = half a, head = half b, labelled "base" and "head"), so the between-run comparison code of the head
# build writes the intervals. `perf gate --intervals` (src/Perf.Cli) then judges them.
#   ./eng/perf-gate-compare.sh                                  # merge-base of origin/main, 3 repeats, optimized
#   ./eng/perf-gate-compare.sh --base HEAD~1 --repeats 2 --config baseline
# Environment: PERF_TIME_SCALE (phase length; default 1), PERF_SUT_IMAGE (head's image tag; base's gets "-base"),
# PERF_GATE_DIR (artifacts; default artifacts/perf-gate). The measured noise floor of the profile
# (artifacts/perf/comparison-results/noise-floor-smoke.json, from PERF_AA=… eng/run-comparison.sh) is used when present.
# Writes $PERF_GATE_DIR/comparison-results/base-vs-head-<config>-smoke.json and the head's reports.
# Exit status: 0 compared; 3 the base could not be checked out or built, or its build cannot run the A/A halves
# (the workflow then falls back to the stored-artifact gate); 2 bad arguments; other non-zero: a run failed.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

base_rev=""
repeats=3
config=optimized
usage="usage: eng/perf-gate-compare.sh [--base REV] [--repeats N] [--config baseline|optimized]"
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base_rev="${2:?$usage}"; shift 2 ;;
    --repeats) repeats="${2:?$usage}"; shift 2 ;;
    --config) config="${2:?$usage}"; shift 2 ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "unknown argument '$1'; $usage" >&2; exit 2 ;;
  esac
done
if ! [[ "$repeats" =~ ^[1-9][0-9]?$ ]]; then
  echo "--repeats '$repeats' is not a whole number from 1 to 99." >&2; exit 2
fi
if [ "$config" != baseline ] && [ "$config" != optimized ]; then
  echo "--config '$config' is not a configuration (allowed: baseline, optimized)." >&2; exit 2
fi

base_unavailable() { echo "perf-gate-compare: base unavailable: $*" >&2; exit 3; }

if [ -z "$base_rev" ]; then
  base_rev="$(git merge-base origin/main HEAD)" || base_unavailable "no merge-base of origin/main and HEAD (fetch with full history: fetch-depth 0)"
fi
base_commit="$(git rev-parse --verify -q "$base_rev^{commit}")" || base_unavailable "'$base_rev' is not a commit of this repository"
head_commit="$(git rev-parse HEAD)"

export PERF_PROFILE=smoke
profile=smoke
gate_dir="${PERF_GATE_DIR:-$repo_root/artifacts/perf-gate}"
base_tree="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/perftests-gate-base-$$"
head_image="${PERF_SUT_IMAGE:-perftests/sut:local}"
base_image="$head_image-base"
measured_noise="$repo_root/artifacts/perf/comparison-results/noise-floor-$profile.json"
gate_noise="$gate_dir/comparison-results/noise-floor-$profile.json"
log="$gate_dir/compare.log"

cleanup() { git worktree remove --force "$base_tree" >/dev/null 2>&1 || rm -rf "$base_tree"; }
trap cleanup EXIT

rm -rf "$gate_dir"
mkdir -p "$gate_dir/comparison-results"
echo "perf-gate-compare: base $base_commit vs head $head_commit, $config, $repeats repeat(s) each, profile $profile, time scale ${PERF_TIME_SCALE:-1}"

git worktree add -q --detach "$base_tree" "$base_commit" || base_unavailable "cannot check out $base_commit into $base_tree"
# The A/A halves and their side names exist only from the commit that added them: an older base cannot take part.
grep -q 'PERF_AA_HALF' "$base_tree/tests/Perf.Scenarios/Running/PerfRunSettings.cs" 2>/dev/null \
  || base_unavailable "the base $base_commit predates A/A runs (PERF_AA_HALF), so it cannot run as half a"

# Each tree builds its own SUT image (its own src/SystemUnderTest) and its own test assembly.
PERF_SUT_IMAGE="$base_image" bash "$base_tree/eng/container-ready.sh" || base_unavailable "the base's SUT image did not build"
# The live dashboard's chart library (npm ci), which each tree's build embeds from its own lock; a base without it skips.
# shellcheck source=eng/packages.sh
. eng/packages.sh
[ -f "$base_tree/src/Perf.Dashboard/package-lock.json" ] && pkg_npm_ci "$base_tree/src/Perf.Dashboard"
pkg_npm_ci src/Perf.Dashboard
dotnet build "$base_tree/tests/Perf.Scenarios" -c Release -nologo -v q || base_unavailable "the base's perf tests did not build"
PERF_SUT_IMAGE="$head_image" bash eng/container-ready.sh
dotnet build tests/Perf.Scenarios -c Release -nologo -v q
# The head's container settings (Docker endpoint, network mode, store) serve both sides; only the SUT image differs.
set -a
# shellcheck source=/dev/null
. eng/.perf-env
set +a

export PERF_ARTIFACTS_DIR="$gate_dir"
export PERF_SESSION_ID="gate-$(date -u +%Y%m%d-%H%M%S)"
export PERF_AA="$config"
export PERF_AA_LABELS=base,head
# Both builds are judged by the same job SLOs as the configuration's own test.
status=0
run_side() {
  local tree="$1" half="$2" image="$3" name="$4" repeat="$5"
  echo "perf-gate-compare: run $repeat/$repeats of $name ($half)"
  ( cd "$tree" && PERF_SUT_IMAGE="$image" PERF_AA_HALF="$half" PERF_REPEAT="$repeat" \
      dotnet test tests/Perf.Scenarios -c Release -nologo --no-build --filter "Category=$config" \
        --results-directory "$gate_dir/test-results" --logger "console;verbosity=minimal" ) >>"$log" 2>&1 || return $?
}
for i in $(seq 1 "$repeats"); do
  # A base build writes its own comparison and a noise floor after each of its runs; the head's comparison, written
  # after the last run, is the one the gate reads, with the measured noise floor of this machine (if any) put back.
  run_side "$base_tree" a "$base_image" base "$i" || { s=$?; echo "perf-gate-compare: base run $i failed (exit $s), see $log" >&2; status=$s; }
  if [ -f "$measured_noise" ]; then cp "$measured_noise" "$gate_noise"; else rm -f "$gate_noise"; fi
  touch "$gate_dir/.head-run-started"
  run_side "$repo_root" b "$head_image" head "$i" || { s=$?; echo "perf-gate-compare: head run $i failed (exit $s), see $log" >&2; status=$s; }
done

intervals="$gate_dir/comparison-results/base-vs-head-$config-$profile.json"
# Only the head's comparison after its last run counts (a base build may write one of the same name before it).
if [ -f "$intervals" ] && [ "$intervals" -nt "$gate_dir/.head-run-started" ]; then
  # A breached threshold is the gate's business (it reads the head's reports), so a failed test run is not an error here.
  echo "perf-gate-compare: intervals $intervals"
  exit 0
fi
echo "perf-gate-compare: the head's last run wrote no comparison (see $log)" >&2
[ $status -ne 0 ] || status=1
exit $status
