namespace Perf.Model.Accounting;

/// <summary>
/// Conservation of jobs after a run: every accepted job is processed, dead-lettered, still queued, or lost.
/// <see cref="Accepted"/> is the larger of what the clients saw (202 answers) and what the SUT counted, so a
/// counter that Redis evicted cannot hide a loss.
/// </summary>
public sealed record JobAccounting(
    long AcceptedByClients,
    long AcceptedBySut,
    long Accepted,
    long Processed,
    long DeadLettered,
    long StillQueued,
    long Lost,
    long Duplicates,
    bool Drained,
    double DrainSeconds,
    JobLatency? EndToEndLatencyMs,
    IReadOnlyList<string> Notes);
