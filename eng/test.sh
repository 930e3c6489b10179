#!/usr/bin/env bash
# The suite's test command (README "Quick start", .ci/run): makes the machine container-ready, builds, and
# runs every test project one after another (never two heavy runs at once on a 2-core machine): unit and
# integration tests of the engine, the SUT, the fixtures and the report, then the perf scenarios of both
# configurations on the smoke profile (PERF_PROFILE=1k for the full profile).
# Prints one closing line "Total: N passed, N failed, N skipped" summed over all test assemblies.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

# shellcheck source=eng/ready-env.sh
. eng/ready-env.sh

results="$repo_root/artifacts/test-results"
rm -rf "$results"
# shellcheck source=eng/packages.sh
. eng/packages.sh
pkg_dotnet_restore PerfTests.sln
dotnet build PerfTests.sln -c Release --no-restore -nologo -v quiet

status=0
# -m:1 runs the test assemblies one at a time: the perf scenarios must not share the cores with other tests.
dotnet test PerfTests.sln -c Release --no-build -m:1 --results-directory "$results" \
  --logger "trx" --logger "console;verbosity=normal" "$@" || status=$?

python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"Total: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
