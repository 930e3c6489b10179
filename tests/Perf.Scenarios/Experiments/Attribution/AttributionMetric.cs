namespace Perf.Scenarios.Experiments.Attribution;

/// <summary>A headline metric of the attribution: how to read its series from a run and how to reduce it.</summary>
public sealed record AttributionMetric(string Key, string Title, string Unit, bool LowerIsBetter, Func<RunSeries, double[]> Series,
    Func<IReadOnlyList<double>, double> Statistic)
{
    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();

    public static double P95(IReadOnlyList<double> values) => JobLatencySamples.Percentile(values, 95) ?? double.NaN;

    public static IReadOnlyList<AttributionMetric> Headline { get; } =
    [
        new("http-p99", "HTTP p99 (mean of 1-s p99)", "ms", true, s => s.HttpP99Ms, Mean),
        new("http-p50", "HTTP p50 (mean of 1-s p50)", "ms", true, s => s.HttpP50Ms, Mean),
        new("error-rate", "error rate (mean of 1-s rates)", "%", true, s => s.ErrorPercent, Mean),
        new("backlog", "queue backlog (lag + pending, mean)", "jobs", true, s => s.Backlog, Mean),
        new("job-throughput", "jobs processed per second (mean)", "jobs/s", false, s => s.ProcessedPerSecond, Mean),
        new("job-p95", "job end-to-end p95 (whole run)", "ms", true, s => s.JobLatencyMs, P95),
    ];
}
