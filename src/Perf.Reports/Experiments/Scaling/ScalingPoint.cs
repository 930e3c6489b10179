namespace Perf.Reports.Experiments.Scaling;

/// <summary>
/// Maximum job throughput at one worker count, measured while the workers drain a backlog they could not touch while it
/// was filled (stopped containers), so the queue is never empty during the measurement.
/// </summary>
public sealed record ScalingPoint(
    int Workers,
    int Concurrency,
    int DownstreamMs,
    long Backlog,
    double FillSeconds,
    double MeasuredSeconds,
    long JobsMeasured,
    double JobsPerSecond,
    double? HostCpuPercent,
    bool Drained,
    double WallSeconds)
{
    /// <summary>The throughput the downstream wait alone allows: every slot busy all the time.</summary>
    public double IoCeiling => Workers * Concurrency * 1000.0 / Math.Max(1, DownstreamMs);
}
