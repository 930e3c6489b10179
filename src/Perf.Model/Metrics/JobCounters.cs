namespace Perf.Model.Metrics;

/// <summary>The SUT's job counters (Redis hash perf:counters, see docs/system-under-test.md).</summary>
public sealed record JobCounters(
    long Accepted, long Processed, long DeadLettered, long Duplicates, long Retried, long FailedAttempts, long BackpressureRejected)
{
    public static JobCounters Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);
}
