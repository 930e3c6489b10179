namespace SystemUnderTest.Contracts;

/// <summary>Body of GET /metrics/jobs, read by the suite (fields are only ever added, never renamed or removed).</summary>
public sealed record JobMetrics(
    long Accepted,
    long Processed,
    long DeadLettered,
    long Duplicates,
    long Retried,
    long FailedAttempts,
    long BackpressureRejected,
    long EmptyPolls,
    IReadOnlyList<StreamMetrics> Streams,
    LatencyPercentiles JobLatencyMs)
{
    /// <summary>Accepted jobs with no outcome yet (accepted − processed − dead-lettered): zero once drained.</summary>
    public long Outstanding { get; init; }

    /// <summary>POSTs answered from an earlier request's Idempotency-Key record instead of creating a job.</summary>
    public long IdempotentReplays { get; init; }

    /// <summary>Outcomes whose XACK found the entry no longer pending for the group (another consumer acknowledged it).</summary>
    public long AckMisses { get; init; }

    /// <summary>Job POSTs refused because Redis memory reached the admission limit (Api__MemoryAdmissionPercent of maxmemory).</summary>
    public long MemoryRejected { get; init; }

    /// <summary>Unix ms of the latest outcome (stored or dead-lettered); the drain ended then once outstanding is zero.</summary>
    public long? LastOutcomeAtMs { get; init; }
}
