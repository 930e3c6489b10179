namespace SystemUnderTest.Jobs;

/// <summary>Body of GET /metrics/jobs, read by the suite.</summary>
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
    LatencyPercentiles JobLatencyMs);
