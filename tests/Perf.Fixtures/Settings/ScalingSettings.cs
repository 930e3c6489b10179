using System.ComponentModel.DataAnnotations;

namespace Perf.Fixtures.Settings;

/// <summary>The worker scaling experiment (docs/experiments.md): throughput against the number of workers.</summary>
public sealed class ScalingSettings
{
    /// <summary>The worker counts measured.</summary>
    [EnvironmentVariable("PERF_SCALING_WORKERS")]
    [Range(1, 64)]
    public IReadOnlyList<int> Workers { get; set; } = [1, 2, 3, 5, 8];

    /// <summary>The arrival rate that fills the queue before the workers drain it, per second.</summary>
    [EnvironmentVariable("PERF_SCALING_FILL_RATE")]
    [Range(1.0, 100_000.0)]
    public double FillRate { get; set; } = 1500;

    /// <summary>How long each worker count drains the queue, in seconds.</summary>
    [EnvironmentVariable("PERF_SCALING_DRAIN_S")]
    [Range(1.0, 600.0)]
    public double DrainSeconds { get; set; } = 6;
}
