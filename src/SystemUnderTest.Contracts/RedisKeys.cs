namespace SystemUnderTest.Contracts;

/// <summary>
/// Every Redis key of the contract (docs/system-under-test.md), used by the system under test and by the suite that
/// reads its state. Plain strings, which convert to StackExchange.Redis keys implicitly, so the contract needs no client.
/// </summary>
public static class RedisKeys
{
    public const string PaymentsStream = "jobs:payments";
    public const string NotificationsStream = "jobs:notifications";
    public const string ConsumerGroup = "workers";
    public const string Counters = "perf:counters";
    public const string JobLatencyBuckets = "perf:job-latency-buckets";
    public const string Aggregates = "perf:aggregates";
    public const string AnalyticsCache = "cache:analytics:summary";
    public const string DeadLetterSuffix = ":dead";
    public const string JobPrefix = "job:";
    public const string ResultPrefix = "result:";

    public static readonly string[] JobStreams = [PaymentsStream, NotificationsStream];

    /// <summary>Job state hash: type, status (queued, completed, failed), the request's fields, enqueuedAt, completedAt.</summary>
    public static string Job(string id) => JobPrefix + id;

    /// <summary>The Redis store's result (JSON), written once together with the outcome.</summary>
    public static string Result(string id) => ResultPrefix + id;

    /// <summary>The one outcome of a job id, <see cref="OutcomeStored"/> or <see cref="OutcomeDeadLettered"/>, set NX.</summary>
    public static string Outcome(string id) => "outcome:" + id;

    public const string OutcomeStored = "stored";
    public const string OutcomeDeadLettered = "dead-lettered";

    /// <summary>An Idempotency-Key's record: the job id and the response it got, for the key's TTL.</summary>
    public static string IdempotencyKey(string endpoint, string key) => "idem:" + endpoint + ":" + key;

    public static string DeadLetter(string stream) => stream + DeadLetterSuffix;
}
