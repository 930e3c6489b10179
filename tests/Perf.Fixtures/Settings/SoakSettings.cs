using System.ComponentModel.DataAnnotations;

namespace Perf.Fixtures.Settings;

/// <summary>The soak benchmark (docs/experiments.md): whether Redis memory levels off once finished jobs expire.</summary>
public sealed class SoakSettings
{
    /// <summary>The constant arrival rate, per second; unset: the 1k profile's sustained rate.</summary>
    [EnvironmentVariable("PERF_SOAK_RATE")]
    [Range(1.0, 100_000.0)]
    public double? Rate { get; set; }

    /// <summary>How long the soak runs, in minutes.</summary>
    [EnvironmentVariable("PERF_SOAK_MINUTES")]
    [Range(1.0, 600.0)]
    public double Minutes { get; set; } = 10;

    /// <summary>How long finished jobs are kept before they expire, in seconds (the system's retention).</summary>
    [EnvironmentVariable("PERF_SOAK_RETENTION_S")]
    [Range(1, 86_400)]
    public int RetentionSeconds { get; set; } = 60;
}
