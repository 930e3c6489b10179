using System.Text;

namespace Perf.Reports.Comparison.Sections;

/// <summary>The recommendations the rules derived, numbered, each with its evidence and advice.</summary>
internal sealed class RecommendationsSection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var recommendations = context.Recommendations;
        md.AppendLine("## Recommendations (derived from the measurements)").AppendLine();
        if (recommendations.Count == 0)
        {
            md.AppendLine("No rule fired: none of the conditions the report checks (evictions, an unexercised memory cap, CPU saturation, " +
                          "growing queue lag, lost jobs, a lowered maxclients, a lagging generator, a p99 regression, backpressure " +
                          "rejections, end-to-end job latency changes) showed in these measurements.").AppendLine();
            return;
        }

        var number = 1;
        foreach (var r in recommendations)
        {
            md.AppendLine($"{number++}. **{r.Title}** — {r.Evidence} → {r.Advice}");
        }

        md.AppendLine();
    }
}
