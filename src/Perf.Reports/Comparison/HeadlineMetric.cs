namespace Perf.Reports.Comparison;

/// <summary>
/// One metric of the headline comparison: what it is, which way is better, on which scale two sides are compared,
/// the smallest change worth calling a difference, and how to read it from one run. <see cref="Series"/> gives the
/// per-second values of the sustained phase (the unit of within-run intervals); <see cref="WholeRun"/> a single
/// value per run for metrics that have no per-second series (job latency percentiles, peaks), which get intervals
/// from repeats only.
/// </summary>
public sealed record HeadlineMetric(
    string Name,
    string Unit,
    MetricDirection Direction,
    MinimumEffect MinimumEffect,
    string Window,
    Func<ComparisonSide, PerSecondSeries?>? Series = null,
    Func<ComparisonSide, double?>? WholeRun = null)
{
    public EffectScale Scale => MinimumEffect.Scale;

    /// <summary>The value one run contributes: the per-second statistic where there is a series, else the whole-run value.</summary>
    public double? ValueOf(ComparisonSide side) => Series?.Invoke(side) is { Count: > 0 } series && double.IsFinite(series.Statistic())
        ? series.Statistic()
        : WholeRun?.Invoke(side);
}
