using System.Text;

namespace Perf.Reports.Comparison;

public static partial class ComparisonMarkdown
{
    private static void WriteRepeats(StringBuilder md, ComparisonResults results, ComparisonSide a, ComparisonSide b)
    {
        if (results.RunsA <= 1 && results.RunsB <= 1)
        {
            return;
        }

        md.AppendLine($"The headline pools {results.RunsA} run(s) of {results.SideA} and {results.RunsB} of {results.SideB}, run alternately, " +
                      $"each on a fresh environment (PERF_REPEATS); its columns show the median over runs. The sections below show one run of each " +
                      $"side in detail: {a.Name} repeat {a.Report?.Repeat}, {b.Name} repeat {b.Report?.Repeat}.").AppendLine();
    }

    private static void WritePhaseLatency(StringBuilder md, ComparisonSide a, ComparisonSide b)
    {
        if (a.Load.Phases.All(p => p.Traffic is null) && b.Load.Phases.All(p => p.Traffic is null))
        {
            return;
        }

        md.AppendLine("### Latency per phase").AppendLine();
        md.AppendLine("From the engine's per-phase histograms: each request belongs to the phase its arrival was scheduled in.").AppendLine();
        var table = new MarkdownTable("phase", "side", "requests", "p50", "p95", "p99", "max", "errors") { LeftColumns = 2 };
        var count = Math.Max(a.Load.Phases.Count, b.Load.Phases.Count);
        for (var i = 0; i < count; i++)
        {
            foreach (var side in new[] { a, b })
            {
                if (side.Load.Phases.ElementAtOrDefault(i) is { Traffic: { } s } phase)
                {
                    table.Row(phase.Name, side.Name, NumberText.F(s.Requests), NumberText.Ms(s.Latency.P50), NumberText.Ms(s.Latency.P95),
                        NumberText.Ms(s.Latency.P99), NumberText.Ms(s.Latency.Max), NumberText.F(s.ErrorRatePercent, "0.00") + " %");
                }
            }
        }

        table.WriteTo(md);
    }
}
