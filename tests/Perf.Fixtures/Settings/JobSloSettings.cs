using System.ComponentModel.DataAnnotations;

namespace Perf.Fixtures.Settings;

/// <summary>The job path's limits, checked by every perf test next to the profile's HTTP thresholds.</summary>
public sealed class JobSloSettings
{
    /// <summary>End-to-end job latency p95 limit (enqueue to stored), in milliseconds.</summary>
    [EnvironmentVariable("PERF_JOB_P95_MS")]
    [Range(0.0, double.MaxValue)]
    public double P95Ms { get; set; } = 2_000;

    /// <summary>End-to-end job latency p99 limit, in milliseconds.</summary>
    [EnvironmentVariable("PERF_JOB_P99_MS")]
    [Range(0.0, double.MaxValue)]
    public double P99Ms { get; set; } = 5_000;

    /// <summary>The longest the queues may take to drain after the load, in seconds.</summary>
    [EnvironmentVariable("PERF_MAX_DRAIN_S")]
    [Range(0.0, double.MaxValue)]
    public double MaxDrainSeconds { get; set; } = 30;

    /// <summary>The largest growth of the queue lag during the sustained phase (least-squares slope), in jobs per second.</summary>
    [EnvironmentVariable("PERF_MAX_QUEUE_LAG_GROWTH")]
    [Range(0.0, double.MaxValue)]
    public double MaxQueueLagGrowth { get; set; } = 10;

    /// <summary>The configurations whose job SLOs fail their test; the others' are measured and reported only (the baseline is known not to keep up at the 1k profile's rate).</summary>
    [EnvironmentVariable("PERF_JOB_SLO_ENFORCE")]
    public IReadOnlyList<string> EnforceFor { get; set; } = [EnvironmentPresets.Optimized];
}
