namespace Perf.Model.Metrics;

/// <summary>Everything measured at one moment (before or after a run). A part that could not be read is null and named in <see cref="Unavailable"/>.</summary>
public sealed record MetricsSnapshot(
    string Configuration,
    string Label,
    DateTimeOffset TakenAt,
    HostSample? Host,
    IReadOnlyList<ContainerSample> Containers,
    RedisSample? Redis,
    RedisEffectiveConfig? RedisConfig,
    IReadOnlyList<QueueState> Queues,
    JobCounters? Jobs,
    MongoSample? Mongo,
    IReadOnlyList<string> Unavailable);
