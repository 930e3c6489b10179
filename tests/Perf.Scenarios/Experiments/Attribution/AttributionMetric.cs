using Perf.Reports.Experiments.Attribution;



namespace Perf.Scenarios.Experiments.Attribution;

/// <summary>
/// A headline metric of the attribution: how to read its series from a run, how to reduce it, which way is better, and
/// the smallest effect worth a verdict (the comparison's minimum effects: on the ratio scale a share of the low-level
/// mean, on the difference scale an amount in the metric's unit).
/// </summary>
public sealed record AttributionMetric(string Key, string Title, string Unit, MetricDirection Direction, MinimumEffect Minimum,
    Func<RunSeries, double[]> Series, Func<IReadOnlyList<double>, double> Statistic)
{
    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();

    public static double P95(IReadOnlyList<double> values) => JobLatencySamples.Percentile(values, 95) ?? double.NaN;

    /// <summary>The minimum effect on the difference scale of a contrast (high − low), given the mean at the low level.</summary>
    public MinimumEffect MinimumDifference(double lowLevelMean) => Minimum.Scale == EffectScale.Ratio
        ? MinimumEffect.DifferenceOf(Minimum.Size * (double.IsFinite(lowLevelMean) ? Math.Abs(lowLevelMean) : 0))
        : Minimum;

    public static IReadOnlyList<AttributionMetric> Headline { get; } =
    [
        new("http-p99", "HTTP p99 (mean of 1-s p99)", "ms", MetricDirection.LowerIsBetter, MinimumEffect.RatioOf(HeadlineMetrics.LatencyMinimumShare), s => s.HttpP99Ms, Mean),
        new("http-p50", "HTTP p50 (mean of 1-s p50)", "ms", MetricDirection.LowerIsBetter, MinimumEffect.RatioOf(HeadlineMetrics.LatencyMinimumShare), s => s.HttpP50Ms, Mean),
        new("error-rate", "error rate (mean of 1-s rates)", "%", MetricDirection.LowerIsBetter, MinimumEffect.DifferenceOf(HeadlineMetrics.ErrorRateMinimumPoints),
            s => s.ErrorPercent, Mean),
        new("backlog", "queue backlog (lag + pending, mean)", "jobs", MetricDirection.LowerIsBetter, MinimumEffect.RatioOf(HeadlineMetrics.LatencyMinimumShare), s => s.Backlog, Mean),
        new("job-throughput", "jobs processed per second (mean)", "jobs/s", MetricDirection.HigherIsBetter, MinimumEffect.RatioOf(HeadlineMetrics.RateMinimumShare),
            s => s.ProcessedPerSecond, Mean),
        new("job-p95", "job end-to-end p95 (whole run)", "ms", MetricDirection.LowerIsBetter, MinimumEffect.RatioOf(HeadlineMetrics.LatencyMinimumShare), s => s.JobLatencyMs, P95),
    ];
}
