#!/usr/bin/env bash
# The suite's test command (README "Quick start", .ci/run): makes the machine container-ready, builds, and
# runs every test project one after another (never two heavy runs at once on a 2-core machine; inside
# Perf.Reliability.Tests two fault tests run at a time, since they wait on faults and judge by id, not by latency): unit and
# integration tests of the engine, the SUT, the fixtures and the report, the BullMQ system's own tests, then the
# perf scenarios of both configurations on the smoke profile (PERF_PROFILE=1k for the full profile), for this
# repository's Redis Streams system and again, at half the smoke profile's length, for the BullMQ system
# (PERF_BULLMQ_SMOKE=0 leaves that pass out; it runs only when no extra dotnet test arguments are given).
# Prints one closing line "Total: N passed, N failed, N skipped" summed over all test assemblies and the eng/
# scripts' tests (eng/tests), counted from their JUnit XML under artifacts/test-results/junit; explicit tests that a
# default run leaves out (the full experiments) count as skipped, read from the TRX of the same run.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

# shellcheck source=eng/ready-env.sh
. eng/ready-env.sh

results="$repo_root/artifacts/test-results"
rm -rf "$results"
# shellcheck source=eng/packages.sh
. eng/packages.sh
# The browser for the HTML and dashboard tests installs (apt: mostly download and unpack) while the build uses the
# cores; the tests wait for it below. Its messages go to a log that is shown when it fails.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mkdir -p "$results"
pkg_chromium >"$results/chromium-install.log" 2>&1 &
chromium_install=$!
pkg_dotnet_restore PerfTests.sln
dotnet build PerfTests.sln -c Release --no-restore -nologo -v quiet
wait "$chromium_install" || { cat "$results/chromium-install.log" >&2; exit 1; }
cat "$results/chromium-install.log"
# The CLI as a user gets it (README): this build packed as the local .NET tool, `dotnet tool restore`, `dotnet perf`.
bash eng/cli-tool.sh --no-build
dotnet perf --help >/dev/null || { echo "[test] ERROR: dotnet perf --help failed after dotnet tool restore" >&2; exit 1; }
echo "[test] dotnet perf --help answers (local tool restored from eng/tool-feed)"

status=0
# The eng/ scripts' own tests (results summary): seconds, no containers.
python3 eng/tests/run.py --junit "$results/junit/eng-scripts.xml" || status=$?
# The BullMQ system under test's own tests (node --test, against redis-server processes of their own): seconds.
bash eng/bullmq-test.sh --junit "$results/junit/bullmq-sut.xml" || status=$?

# -m:1 runs the test assemblies one at a time: the perf scenarios must not share the cores with other tests.
# JUnit XML (one file per assembly) is what any CI reads and what the closing line counts; TRX for Visual Studio.
dotnet test PerfTests.sln -c Release --no-build -m:1 --results-directory "$results" \
  --logger "trx" --logger "junit;LogFilePath=$results/junit/{assembly}.xml" --logger "console;verbosity=normal" "$@" || status=$?

# The smoke perf tests of both configurations again, against the BullMQ system (the seed's stack) through the
# job-system seam, with the id audit on; their reports go to artifacts/perf-bullmq. This pass checks the seam, the
# audit and the thresholds on the second system, not the first system's numbers again, so it runs the smoke profile
# at time scale 0.5 (30 s, 10 s sustained at 100/s) to keep CI within its budget; PERF_BULLMQ_TIME_SCALE=1 runs it
# full length. PERF_BULLMQ_SMOKE=0 skips it.
if [ "${PERF_BULLMQ_SMOKE:-1}" != 0 ] && [ $# -eq 0 ]; then
  PERF_SYSTEM=bullmq PERF_ARTIFACTS_DIR="$repo_root/artifacts/perf-bullmq" PERF_TIME_SCALE="${PERF_BULLMQ_TIME_SCALE:-${PERF_TIME_SCALE:-0.5}}" \
    dotnet test tests/Perf.Scenarios/Perf.Scenarios.csproj -c Release --no-build --results-directory "$results" \
    --filter "Category=baseline|Category=optimized" \
    --logger "trx;LogFileName=bullmq-smoke.trx" --logger "junit;LogFilePath=$results/junit/Perf.Scenarios.BullMQ.xml" \
    --logger "console;verbosity=normal" || status=$?
fi

python3 eng/results_summary.py "$results/junit" --trx "$results" || true
exit $status
