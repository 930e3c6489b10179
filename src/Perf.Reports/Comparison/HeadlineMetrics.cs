using Perf.Engine.Stats;
using Perf.Model.Metrics;

namespace Perf.Reports.Comparison;

/// <summary>
/// The headline metrics of issue-sized questions ("is optimized really faster?"), read from the sustained phase.
/// Minimum effects are constants here so a reader sees them: latencies, CPU and memory count from 10 %, rates from
/// 5 %, the error rate from half a percentage point, queue-lag growth from 10 jobs/s; a measured noise floor (A/A run) raises them.
/// </summary>
public static class HeadlineMetrics
{
    public const double LatencyMinimumShare = 0.10;
    public const double RateMinimumShare = 0.05;
    public const double ResourceMinimumShare = 0.10;
    public const double ErrorRateMinimumPoints = 0.5;

    /// <summary>A backlog growing by fewer jobs per second than this is within the job SLO's default bound.</summary>
    public const double QueueLagGrowthMinimumPerSecond = 10;

    public static IReadOnlyList<HeadlineMetric> All { get; } =
    [
        Http("HTTP p50", p => p.P50Ms),
        Http("HTTP p95", p => p.P95Ms),
        Http("HTTP p99", p => p.P99Ms),
        new("error rate", "%", MetricDirection.LowerIsBetter, MinimumEffect.DifferenceOf(ErrorRateMinimumPoints), "sustained phase, failed / all requests",
            Series: side => Engine(side, p => 100.0 * p.Errors / p.Requests, p => p.Requests)),
        new("achieved arrival rate", "/s", MetricDirection.HigherIsBetter, MinimumEffect.RatioOf(RateMinimumShare), "sustained phase, mean of 1-s arrivals",
            Series: side => Engine(side, p => p.Arrivals)),
        Job("job end-to-end p95", p => p.JobLatencyP95Ms, side => side.Report?.Jobs.EndToEndLatencyMs?.P95),
        Job("job end-to-end p99", p => p.JobLatencyP99Ms, side => side.Report?.Jobs.EndToEndLatencyMs?.P99),
        new("job throughput", "jobs/s", MetricDirection.HigherIsBetter, MinimumEffect.RatioOf(RateMinimumShare), "sustained phase, mean of 1-s processed",
            Series: JobThroughput),
        new("queue lag growth", "jobs/s", MetricDirection.LowerIsBetter, MinimumEffect.DifferenceOf(QueueLagGrowthMinimumPerSecond),
            "sustained phase, mean of 1-s change in queue lag", Series: QueueLagGrowth),
        new("queue lag peak", "jobs", MetricDirection.LowerIsBetter, MinimumEffect.RatioOf(LatencyMinimumShare), "whole run, highest 1-s sample",
            WholeRun: side => side.QueueLagPeak),
        Resource("host CPU", "% of all cores", p => p.HostCpuPercent),
        Resource("API CPU", "% of a core", p => Role(p.CpuPercentByRole, "api")),
        Resource("worker CPU", "% of a core", p => Role(p.CpuPercentByRole, "worker")),
        Resource("Redis memory", "MB", p => p.RedisUsedMemoryMb),
    ];

    private static HeadlineMetric Http(string name, Func<TimeSeriesPoint, double> percentile) =>
        new($"sustained {name}", "ms", MetricDirection.LowerIsBetter, MinimumEffect.RatioOf(LatencyMinimumShare),
            $"sustained phase, mean of 1-s {name[5..]}", Series: side => Engine(side, percentile));

    /// <summary>
    /// Per second, the percentile of the jobs the SUT stored in that second (its bucket histogram, read by the
    /// sampler); reports from before the sampler kept them fall back to the whole-run value, which has no interval.
    /// </summary>
    private static HeadlineMetric Job(string name, Func<ResourceSample, double?> perSecond, Func<ComparisonSide, double?> wholeRun) =>
        new(name, "ms", MetricDirection.LowerIsBetter, MinimumEffect.RatioOf(LatencyMinimumShare),
            $"sustained phase, mean of 1-s {name[^3..]} of the jobs stored in that second",
            Series: side => side.SustainedPhase is { } phase ? Series(side.During(phase).Select(perSecond)) : null,
            WholeRun: wholeRun);

    private static HeadlineMetric Resource(string name, string unit, Func<ResourceSample, double?> value) =>
        new(name, unit, MetricDirection.LowerIsBetter, MinimumEffect.RatioOf(ResourceMinimumShare), "sustained phase, mean of 1-s samples",
            Series: side => side.SustainedPhase is { } phase ? Series(side.During(phase).Select(value)) : null);

    private static PerSecondSeries? Engine(ComparisonSide side, Func<TimeSeriesPoint, double> value, Func<TimeSeriesPoint, double>? weight = null)
    {
        if (side.SustainedPhase is not { } phase)
        {
            return null;
        }

        var points = side.EngineSecondsDuring(phase);
        return points.Count == 0 ? null : new PerSecondSeries([.. points.Select(value)], weight is null ? null : [.. points.Select(weight)]);
    }

    /// <summary>Jobs processed per second between consecutive samples of the SUT's counter.</summary>
    private static PerSecondSeries? JobThroughput(ComparisonSide side) => ChangePerSecond(side, p => p.Processed);

    /// <summary>Change in queue lag per second between consecutive samples: its mean is the backlog's growth rate.</summary>
    private static PerSecondSeries? QueueLagGrowth(ComparisonSide side) => ChangePerSecond(side, p => p.QueueLag);

    /// <summary>How fast a sampled value changed between consecutive samples of the sustained phase, per second.</summary>
    private static PerSecondSeries? ChangePerSecond(ComparisonSide side, Func<ResourceSample, long?> value)
    {
        if (side.SustainedPhase is not { } phase)
        {
            return null;
        }

        var known = side.During(phase).Where(p => value(p) is not null).ToList();
        return Series(known.Zip(known.Skip(1), (first, next) => (Seconds: next.ElapsedSeconds - first.ElapsedSeconds, Change: value(next)!.Value - value(first)!.Value))
            .Where(step => step.Seconds > 0)
            .Select(step => (double?)(step.Change / step.Seconds)));
    }

    private static PerSecondSeries? Series(IEnumerable<double?> values)
    {
        var known = values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
        return known.Count == 0 ? null : new PerSecondSeries(known);
    }

    private static double? Role(IReadOnlyDictionary<string, double> byRole, string role) => byRole.TryGetValue(role, out var value) ? value : null;
}
