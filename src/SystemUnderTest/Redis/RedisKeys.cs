using StackExchange.Redis;

namespace SystemUnderTest.Redis;

/// <summary>Every Redis key of the contract (docs/system-under-test.md); the suite reads some of them directly.</summary>
public static class RedisKeys
{
    public const string PaymentsStream = "jobs:payments";
    public const string NotificationsStream = "jobs:notifications";
    public const string ConsumerGroup = "workers";
    public const string Counters = "perf:counters";
    public const string JobLatency = "perf:job-latency-ms";
    public const string Aggregates = "perf:aggregates";
    public const string AnalyticsCache = "cache:analytics:summary";

    public static readonly string[] JobStreams = [PaymentsStream, NotificationsStream];

    public static RedisKey Job(string id) => "job:" + id;

    public static RedisKey Result(string id) => "result:" + id;

    public static RedisKey DeadLetter(string stream) => stream + ":dead";
}
