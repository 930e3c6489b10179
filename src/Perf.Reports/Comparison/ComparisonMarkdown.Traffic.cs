using System.Text;
using Perf.Engine.Stats;

namespace Perf.Reports.Comparison;

public static partial class ComparisonMarkdown
{
    private static void WriteTraffic(StringBuilder md, ComparisonSide baseline, ComparisonSide optimized)
    {
        md.AppendLine("## Per scenario").AppendLine();
        var scenarios = Names(baseline.Load.Scenarios.Select(s => s.Name), optimized.Load.Scenarios.Select(s => s.Name));
        TrafficTable(md, "scenario", scenarios, baseline, optimized, (side, name) => side.Load.TryGetScenario(name, out var scenario) ? scenario.Stats : null);

        md.AppendLine("## Per request").AppendLine();
        var requests = Names(baseline.Load.Requests.Select(r => r.Key), optimized.Load.Requests.Select(r => r.Key));
        TrafficTable(md, "request", requests, baseline, optimized, (side, key) => side.Load.TryGetRequest(key, out var request) ? request.Stats : null);
    }

    private static List<string> Names(IEnumerable<string> first, IEnumerable<string> second) => first.Concat(second).Distinct().ToList();

    private static void TrafficTable(StringBuilder md, string what, IReadOnlyList<string> names, ComparisonSide baseline, ComparisonSide optimized,
        Func<ComparisonSide, string, TrafficStats?> stats)
    {
        var table = new MarkdownTable(what, "side", "requests", "req/s", "p50", "p95", "p99", "max", "errors", "status codes") { LeftColumns = 2 };
        foreach (var name in names)
        {
            foreach (var side in new[] { baseline, optimized })
            {
                if (stats(side, name) is { Requests: 0 })
                {
                    // No requests means no latency: zeros in these cells would read as measured (an import keeps no per-scenario traffic).
                    table.Row(name, side.Name, "0", "–", "–", "–", "–", "–", "–", "none recorded");
                }
                else if (stats(side, name) is { } s)
                {
                    table.Row(name, side.Name, NumberText.F(s.Requests), NumberText.F(s.Rps), NumberText.Ms(s.Latency.P50), NumberText.Ms(s.Latency.P95), NumberText.Ms(s.Latency.P99),
                        NumberText.Ms(s.Latency.Max), NumberText.F(s.ErrorRatePercent, "0.00") + " %", NumberText.Codes(s.StatusCodes));
                }
                else
                {
                    table.Row(name, side.Name, "not run", "", "", "", "", "", "", "");
                }
            }
        }

        if (table.Count == 0)
        {
            md.AppendLine($"No {what} data in either report.").AppendLine();
            return;
        }

        table.WriteTo(md);
    }

    private static void WriteThresholds(StringBuilder md, ComparisonSide baseline, ComparisonSide optimized)
    {
        md.AppendLine("## Thresholds and checks").AppendLine();
        foreach (var side in new[] { baseline, optimized })
        {
            var failed = side.Breaches.Count > 0;
            md.AppendLine($"### {side.Name}: {(failed ? $"**FAILED** ({side.Breaches.Count} breach(es))" : "passed")}").AppendLine();
            if (side.Load.Thresholds is { Checks.Count: > 0 } thresholds)
            {
                var table = new MarkdownTable("check", "scope", "measured", "allowed", "result") { LeftColumns = 2 };
                foreach (var check in thresholds.Checks)
                {
                    var unit = check.Unit.Length == 0 ? "" : " " + check.Unit;
                    table.Row($"`{check.Expression}`", check.Scope, NumberText.F(check.Measured, "0.###") + unit,
                        (check.Unit == "%" ? "≤ " : "< ") + NumberText.F(check.Allowed, "0.###") + unit, check.Passed ? "pass" : "**FAIL**");
                }

                table.WriteTo(md);
            }
            else
            {
                md.AppendLine("The profile defines no thresholds.").AppendLine();
            }

            if (side.Report is { JobChecks.Count: > 0 })
            {
                var jobs = new MarkdownTable("job-path SLO", "measured", "allowed", "result");
                foreach (var check in side.Report.JobChecks)
                {
                    jobs.Row(check.Name, check.Measured is { } m ? $"{NumberText.F(m, "0.###")} {check.Unit}" : "not measured",
                        $"≤ {NumberText.F(check.Allowed, "0.###")} {check.Unit}",
                        check.Passed ? "pass" : side.Report.JobSloEnforced ? "**FAIL**" : "breached (reported, not enforced)");
                }

                jobs.WriteTo(md);
                if (!side.Report.JobSloEnforced)
                {
                    md.AppendLine($"{side.Name}'s job-path SLOs are measured and reported but do not fail its test: it is the reference " +
                                  "configuration, not expected to keep its queue up at the sustained rate (PERF_JOB_SLO_ENFORCE names the " +
                                  "configurations they fail; default optimized).").AppendLine();
                }
            }

            var checks = side.MeasuredSystem ? "thresholds, achieved arrival rate, job conservation" : "the profile's thresholds; the input has no job checks";
            if (failed)
            {
                md.AppendLine($"Every check that failed ({checks}):").AppendLine();
                foreach (var breach in side.Breaches)
                {
                    md.AppendLine($"- {breach}");
                }

                md.AppendLine();
            }
            else
            {
                md.AppendLine($"All checks passed ({checks}).").AppendLine();
            }
        }
    }

    private static void WriteJobNotes(StringBuilder md, ComparisonSide baseline, ComparisonSide optimized)
    {
        var notes = new[] { baseline, optimized }.SelectMany(s => (s.Report?.Jobs.Notes ?? []).Select(n => $"- {s.Name}: {n}")).ToList();
        if (notes.Count == 0)
        {
            return;
        }

        md.AppendLine("## Job accounting notes").AppendLine();
        md.AppendLine(string.Join('\n', notes)).AppendLine();
    }
}
