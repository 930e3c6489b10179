namespace SystemUnderTest.Contracts;

/// <summary>Fields of the <c>perf:counters</c> hash (<see cref="RedisKeys.Counters"/>).</summary>
public static class CounterNames
{
    public const string Accepted = "accepted";
    public const string Processed = "processed";
    public const string DeadLettered = "deadLettered";
    public const string Duplicates = "duplicates";
    public const string Retried = "retried";
    public const string FailedAttempts = "failedAttempts";
    public const string BackpressureRejected = "backpressureRejected";
    public const string MemoryRejected = "memoryRejected";
    public const string EmptyPolls = "emptyPolls";
    public const string IdempotentReplays = "idempotentReplays";
    public const string AckMisses = "ackMisses";
    public const string LastOutcomeAtMs = "lastOutcomeAtMs";
}
