using System.ComponentModel.DataAnnotations;

namespace Perf.Fixtures.Settings;

/// <summary>The capacity search experiment (docs/experiments.md): the highest arrival rate each configuration sustains.</summary>
public sealed class CapacitySettings
{
    /// <summary>The first arrival rate tried, per second.</summary>
    [EnvironmentVariable("PERF_CAPACITY_START_RATE")]
    [Range(1.0, 100_000.0)]
    public double StartRate { get; set; } = 100;

    /// <summary>The highest arrival rate tried, per second.</summary>
    [EnvironmentVariable("PERF_CAPACITY_MAX_RATE")]
    [Range(1.0, 100_000.0)]
    public double MaxRate { get; set; } = 3000;

    /// <summary>The factor the rate grows by while every step is sustained.</summary>
    [EnvironmentVariable("PERF_CAPACITY_GROWTH")]
    [Range(1.05, 10.0)]
    public double Growth { get; set; } = 2;

    /// <summary>The bisection stops when the bracket is this narrow, relative to its upper end.</summary>
    [EnvironmentVariable("PERF_CAPACITY_RESOLUTION")]
    [Range(0.005, 0.5)]
    public double Resolution { get; set; } = 0.05;

    /// <summary>The most steps the search takes.</summary>
    [EnvironmentVariable("PERF_CAPACITY_MAX_STEPS")]
    [Range(1, 100)]
    public int MaxSteps { get; set; } = 20;

    /// <summary>How long each step holds its rate, in seconds.</summary>
    [EnvironmentVariable("PERF_CAPACITY_STEP_S")]
    [Range(1.0, 600.0)]
    public double StepSeconds { get; set; } = 15;

    /// <summary>A step is sustained only with a job p99 at most this, in milliseconds.</summary>
    [EnvironmentVariable("PERF_CAPACITY_JOB_P99_MS")]
    [Range(1.0, 600_000.0)]
    public double JobP99Ms { get; set; } = 1000;

    /// <summary>A step is sustained only with at most this share of arrivals more than 10 ms late, in percent.</summary>
    [EnvironmentVariable("PERF_CAPACITY_MAX_LATE_PERCENT")]
    [Range(0.0, 100.0)]
    public double MaxLatePercent { get; set; } = 5;

    /// <summary>The configurations searched.</summary>
    [EnvironmentVariable("PERF_CAPACITY_CONFIGS")]
    [AllowedValues(EnvironmentPresets.Baseline, EnvironmentPresets.Optimized)]
    public IReadOnlyList<string> Configurations { get; set; } = [EnvironmentPresets.Baseline, EnvironmentPresets.Optimized];
}
