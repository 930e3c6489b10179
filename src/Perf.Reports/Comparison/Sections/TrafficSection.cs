using System.Text;
using Perf.Engine.Stats;

namespace Perf.Reports.Comparison.Sections;

/// <summary>Traffic per scenario and per request, side by side.</summary>
internal sealed class TrafficSection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var (baseline, optimized) = (context.A, context.B);
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
}
