using System.Text;
using Perf.Scenarios.Experiments.Attribution;

namespace Perf.Scenarios.Experiments.Reporting;

/// <summary>ATTRIBUTION_&lt;profile&gt;.md: the design, each run's headline numbers, the knob → effect table and the effect charts.</summary>
public static class AttributionMarkdown
{
    public static string Render(AttributionResult result, ExperimentContext context, IReadOnlyList<ChartImage> charts, IReadOnlyList<string> chartProblems)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Which knob did what — profile `{result.ProfileName}`").AppendLine();
        context.WriteTo(md);
        md.AppendLine("## Design").AppendLine();
        md.AppendLine($"{result.Design.Name}: {result.Runs.Count} runs, each in a fresh environment, profile `{result.ProfileName}` at time scale " +
                      $"{NumberText.F(result.TimeScale, "0.###")}. Knobs (low → high): " +
                      string.Join("; ", result.Design.Knobs.Select(KnobSettings.Describe)) + ".").AppendLine();
        var runs = new MarkdownTable(["run", .. result.Design.Knobs.Select(k => k.ToString()), "sustained rate /s", "achieved /s", "HTTP p99",
            "errors %", "job p95", "jobs accepted", "lost", "wall s"]) { LeftColumns = 1 + result.Design.Knobs.Count };
        foreach (var r in result.Runs)
        {
            runs.Row([r.Run.Name, .. result.Design.Knobs.Select(k => r.Run.Levels[k] ? "+" : "−"), NumberText.F(r.SustainedRate, "0"), NumberText.F(r.AchievedRate),
                NumberText.Ms(r.TotalHttpP99Ms), NumberText.F(r.TotalErrorRatePercent, "0.00"), NumberText.Ms(r.JobP95Ms), NumberText.F(r.JobsAccepted), NumberText.F(r.JobsLost), NumberText.F(r.WallSeconds, "0")]);
        }

        runs.WriteTo(md);
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
        md.AppendLine("## Effects with interval whiskers").AppendLine();
        foreach (var chart in charts)
        {
            md.AppendLine($"![{chart.Title}]({chart.RelativePath})").AppendLine();
        }

        foreach (var problem in chartProblems)
        {
            md.AppendLine($"- {problem}");
        }

        return md.ToString();
    }

    private static string Cell(KnobEffect e) => e.Interval.HasInterval
        ? $"{Signed(e.Interval.Estimate)} [{Signed(e.Interval.Low)}, {Signed(e.Interval.High)}] {e.VerdictText}"
        : $"{Signed(e.Interval.Estimate)} ({e.VerdictText})";

    private static string Signed(double value) => (value > 0 ? "+" : "") + NumberText.F(value, Math.Abs(value) < 10 ? "0.00" : "0");
}
