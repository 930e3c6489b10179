#!/usr/bin/env bash
# Compares this run's perf reports with a reference set (main's last reports) and fails on a relative
# regression beyond a tolerance. Prints a Markdown table (for $GITHUB_STEP_SUMMARY).
#   eng/perf-gate.sh <reference-dir> <current-artifacts-dir> <tolerance-percent>
# The absolute SLOs are the profile's thresholds, which the perf tests themselves assert.
set -euo pipefail
reference=${1:?reference dir (main's comparison-results)}
current=${2:?current artifacts dir}
tolerance=${3:-25}
python3 - "$reference" "$current" "$tolerance" <<'PY'
import glob, json, os, sys
reference, current, tolerance = sys.argv[1], sys.argv[2], float(sys.argv[3])
rows, regressions = [], []
# (label, path into the report, True when higher is worse)
metrics = [("p95 latency ms", ("load", "totals", "latency", "p95"), True),
           ("p99 latency ms", ("load", "totals", "latency", "p99"), True),
           ("throughput req/s", ("load", "totals", "rps"), False),
           ("error rate %", ("load", "totals", "errorRatePercent"), True)]
def get(doc, path):
    for key in path:
        doc = doc[key]
    return float(doc)
found = False
for path in sorted(glob.glob(os.path.join(current, "comparison-results", "report-*.json"))):
    name = os.path.basename(path)
    ref = next(iter(glob.glob(os.path.join(reference, "**", name), recursive=True)), None)
    now = json.load(open(path))
    if ref is None:
        rows.append(f"| {name} | (no reference from main) | | | |")
        continue
    found = True
    old = json.load(open(ref))
    for label, keys, higher_is_worse in metrics:
        a, b = get(old, keys), get(now, keys)
        change = 0.0 if a == 0 else (b - a) / a * 100
        worse = change > tolerance if higher_is_worse else change < -tolerance
        # An error rate that stays near zero is noise, not a regression.
        if label.startswith("error") and b < 0.5:
            worse = False
        verdict = "REGRESSION" if worse else "ok"
        if worse:
            regressions.append(f"{now['configuration']} {label}: {a:.2f} -> {b:.2f} ({change:+.1f} %)")
        rows.append(f"| {now['configuration']} | {label} | {a:.2f} | {b:.2f} | {change:+.1f} % {verdict} |")
print(f"## Perf gate (tolerance {tolerance:.0f} % against main)\n")
print("| configuration | metric | main | this PR | change |\n|---|---|---|---|---|")
print("\n".join(rows) if rows else "| (no reports) | | | | |")
if not found:
    print("\nNo reference reports from main: only the absolute thresholds were checked.")
if regressions:
    print("\n**Regressions:**\n" + "\n".join(f"- {r}" for r in regressions))
    sys.exit(1)
PY
