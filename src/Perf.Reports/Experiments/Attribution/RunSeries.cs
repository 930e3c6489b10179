namespace Perf.Reports.Experiments.Attribution;

/// <summary>
/// One design run's evidence: the per-second series of its sustained phase (engine and fixtures' samples), the job
/// end-to-end latencies in store order, and run-level totals for the table.
/// </summary>
public sealed record RunSeries
{
    public required DesignRun Run { get; init; }

    public required double[] HttpP99Ms { get; init; }

    public required double[] HttpP50Ms { get; init; }

    public required double[] ErrorPercent { get; init; }

    public required double[] Backlog { get; init; }

    public required double[] ProcessedPerSecond { get; init; }

    /// <summary>Enqueue → stored, ms, shuffled (the SUT keeps buckets, not their order in time) and evenly thinned to a bounded count.</summary>
    public required double[] JobLatencyMs { get; init; }

    public required double TotalHttpP99Ms { get; init; }

    public required double TotalErrorRatePercent { get; init; }

    public required long JobsAccepted { get; init; }

    public required long JobsLost { get; init; }

    public required double? JobP95Ms { get; init; }

    public required double SustainedRate { get; init; }

    public required double AchievedRate { get; init; }

    public required double WallSeconds { get; init; }
}
