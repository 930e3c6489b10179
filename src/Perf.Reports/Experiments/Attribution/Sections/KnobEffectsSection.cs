using System.Text;
using Perf.Reports.Comparison;

namespace Perf.Reports.Experiments.Attribution.Sections;

/// <summary>
/// The knob → effect table: each design column's effect on each metric with its interval and verdict, judged against the
/// comparison's minimum effects (<see cref="HeadlineMetrics"/>).
/// </summary>
internal sealed class KnobEffectsSection : IReportSection<AttributionReportContext>
{
    public void Write(AttributionReportContext context, StringBuilder md)
    {
        var result = context.Result;
        md.AppendLine("## Knob → effect").AppendLine();
        md.AppendLine("Effect = mean over the runs with the knob high − mean over the runs with it low, on the sustained phase. " +
                      $"Brackets: {EffectEstimate.ConfidenceLevel:P0} interval from " +
                      $"{result.Effects.FirstOrDefault(e => e.Interval.HasInterval)?.Interval.Method ?? "the block bootstrap (none computed)"}. " +
                      "A knob helps or hurts only when the whole interval lies beyond the minimum effect: " +
                      $"{HeadlineMetrics.LatencyMinimumShare:P0} of the low-level mean for latencies and the backlog, " +
                      $"{HeadlineMetrics.RateMinimumShare:P0} for job throughput, {NumberText.F(HeadlineMetrics.ErrorRateMinimumPoints, "0.0")} percentage points for the error rate. " +
                      "These are within-run intervals: they show the noise inside each run, not how much a repeated run would differ, " +
                      "so a verdict is provisional until repeats are run.").AppendLine();
        var metrics = result.Effects.Select(e => (e.Metric, e.Unit)).Distinct().ToList();
        var table = new MarkdownTable(["effect", .. metrics.Select(m => $"{m.Metric} ({m.Unit})")]);
        foreach (var effect in result.Effects.GroupBy(e => e.Effect))
        {
            var alias = effect.First().AliasedWith is { } a ? $" (aliased with {a})" : "";
            table.Row([effect.Key + alias, .. metrics.Select(m => effect.FirstOrDefault(e => e.Metric == m.Metric) is { } e ? Cell(e) : NumberText.NotAvailable)]);
        }

        table.WriteTo(md);
    }

    private static string Cell(KnobEffect e) => e.Interval.HasInterval
        ? $"{Signed(e.Interval.Estimate)} [{Signed(e.Interval.Low)}, {Signed(e.Interval.High)}] {e.VerdictText}"
        : $"{Signed(e.Interval.Estimate)} ({e.VerdictText})";

    private static string Signed(double value) => (value > 0 ? "+" : "") + NumberText.F(value, Math.Abs(value) < 10 ? "0.00" : "0");
}
