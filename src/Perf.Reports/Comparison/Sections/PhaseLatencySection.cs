using System.Text;

namespace Perf.Reports.Comparison.Sections;

/// <summary>Latency per phase, from the engine's per-phase histograms; left out when neither side has them.</summary>
internal sealed class PhaseLatencySection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var (a, b) = (context.A, context.B);
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
