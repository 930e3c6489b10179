namespace Perf.Scenarios.Experiments.Scaling;

/// <summary>
/// Which worker counts to measure and how: each point fills a backlog worth <see cref="DrainSeconds"/> of the I/O ceiling
/// (at most <see cref="MaxFillSeconds"/> of filling at <see cref="FillRate"/> job arrivals per second).
/// </summary>
public sealed record ScalingPlan
{
    public required IReadOnlyList<int> WorkerCounts { get; init; }

    public required int Concurrency { get; init; }

    public required int DownstreamMs { get; init; }

    public required double FillRate { get; init; }

    public double DrainSeconds { get; init; } = 6;

    public double MaxFillSeconds { get; init; } = 30;

    public long BacklogFor(int workers) => (long)Math.Ceiling(workers * Concurrency * 1000.0 / Math.Max(1, DownstreamMs) * DrainSeconds);

    public double FillSecondsFor(int workers) => Math.Min(MaxFillSeconds, Math.Max(1, BacklogFor(workers) / FillRate));
}
