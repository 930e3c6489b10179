namespace Perf.Reports.Experiments.Capacity;

/// <summary>What one capacity step measured (all numbers from that step only).</summary>
public sealed record StepMeasurement
{
    public required double TargetRate { get; init; }

    public required double AchievedRate { get; init; }

    public required long StartedArrivals { get; init; }

    public required long LateArrivals { get; init; }

    public required double LatenessP99Ms { get; init; }

    public required long Requests { get; init; }

    public required double HttpP50Ms { get; init; }

    public required double HttpP95Ms { get; init; }

    public required double HttpP99Ms { get; init; }

    public required double ErrorRatePercent { get; init; }

    public long Status503 { get; init; }

    /// <summary>p99 of the end-to-end latencies of the jobs stored during the step; null when none was stored.</summary>
    public double? JobP99Ms { get; init; }

    public long JobSamples { get; init; }

    /// <summary>Job arrivals of the step (accepted 202 answers).</summary>
    public required long JobsAccepted { get; init; }

    /// <summary>Mean backlog (lag + pending) over the first and the last quarter of the step.</summary>
    public required double BacklogAtStart { get; init; }

    public required double BacklogAtEnd { get; init; }

    /// <summary>Jobs the workers can hold at once (workers × concurrency).</summary>
    public int Slots { get; init; }

    public double? HostCpuPercent { get; init; }

    public double StepSeconds { get; init; }

    public double LateSharePercent => StartedArrivals == 0 ? 0 : 100.0 * LateArrivals / StartedArrivals;
}
