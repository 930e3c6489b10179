using Perf.Fixtures.Traffic;
using Perf.Model.Accounting;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>One eviction policy under the same burst into a Redis capped at a few megabytes.</summary>
/// <param name="Policy">maxmemory-policy in force (read back with CONFIG GET).</param>
/// <param name="MaxMemoryBytes">maxmemory in force.</param>
/// <param name="Burst">What the clients got: 202s with ids, other status codes, transport errors, the first refusal's body.</param>
/// <param name="EvictedKeys">INFO evicted_keys after the run.</param>
/// <param name="UsedMemoryPeakBytes">INFO used_memory_peak.</param>
/// <param name="JobRecordsMissing">Accepted jobs whose job record is gone afterwards, as the job system reports it (Redis Streams: job:{id}; BullMQ: the job hash; GET /payments/{id} would say 404).</param>
/// <param name="QueueStreamsMissing">Job streams (or their consumer group) that no longer exist afterwards.</param>
/// <param name="QueueEntriesLost">Accepted ids with no queue entry left and no outcome (stored or dead-lettered, as the job system reports them): jobs that can never be processed.</param>
/// <param name="ProcessedBeforeRelief">Jobs processed by the time the burst ended plus a short wait, before any relief.</param>
/// <param name="Relief">What the test did to let a stalled queue drain (null: nothing).</param>
/// <param name="Jobs">The job accounts after the drain (client-side 202 count as accepted).</param>
/// <param name="MeasuredAt">When the outcome was measured.</param>
public sealed record MemoryPressureOutcome(
    string Policy,
    long MaxMemoryBytes,
    BurstResult Burst,
    long EvictedKeys,
    long UsedMemoryPeakBytes,
    long JobRecordsMissing,
    IReadOnlyList<string> QueueStreamsMissing,
    long QueueEntriesLost,
    long ProcessedBeforeRelief,
    string? Relief,
    JobAccounting Jobs,
    DateTimeOffset MeasuredAt)
{
    /// <summary>Api__MemoryAdmissionPercent in force (0: off, the seed as it was).</summary>
    public int MemoryAdmissionPercent { get; init; }

    /// <summary>The id audit of every accepted id after the drain (null only in artifacts written before every case was audited).</summary>
    public JobAudit? Audit { get; init; }

    /// <summary>Accepted Idempotency-Keys sent again with the same body after the drain.</summary>
    public int ReplayedKeys { get; init; }

    /// <summary>Replays answered with another id than the key's first answer: a broken key (a double payment).</summary>
    public int ReplayedKeysWithNewIds { get; init; }

    /// <summary>Replays not answered 202 (refused or failed): the key's job could not be confirmed.</summary>
    public int ReplaysNotAnswered { get; init; }
}
