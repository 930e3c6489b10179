namespace Perf.Model.Settings;

/// <summary>
/// Everything that decides what system a perf run measures, as the report records it. Perf.Fixtures' settings model
/// (PerfSettings: defaults, perfsettings.json, <c>PERF_*</c> variables; docs/settings.md) builds one per configuration.
/// </summary>
public sealed record EnvironmentSettings
{
    public required string ConfigurationName { get; init; }

    public TargetMode Mode { get; init; } = TargetMode.Container;

    public NetworkMode Network { get; init; } = NetworkMode.Bridge;

    public int WorkerCount { get; init; } = 1;

    public int WorkerConcurrency { get; init; } = 8;

    /// <summary>Path of the Redis configuration file copied into the container; null runs Redis with its defaults.</summary>
    public string? RedisConfigFile { get; init; }

    /// <summary>Extra Redis directives appended after the file (used by the memory-pressure tests).</summary>
    public IReadOnlyList<string> RedisExtraDirectives { get; init; } = [];

    public StoreKind Store { get; init; } = StoreKind.Mongo;

    /// <summary>The queue technology the suite reads (PERF_SYSTEM): this repository's Redis Streams system, or a BullMQ system.</summary>
    public JobSystemKind JobSystem { get; init; } = JobSystemKind.Streams;

    /// <summary>BullMQ's key prefix (PERF_BULLMQ_PREFIX), BullMQ's own default.</summary>
    public string BullmqPrefix { get; init; } = "bull";

    /// <summary>The BullMQ queues the system's jobs go through (PERF_BULLMQ_QUEUES, comma-separated).</summary>
    public IReadOnlyList<string> BullmqQueues { get; init; } = ["payments", "notifications"];

    /// <summary>Multiplexers the API round-robins over; 1 means connection pooling is off.</summary>
    public int RedisPoolSize { get; init; } = 1;

    public int MongoMaxPoolSize { get; init; } = 100;

    public bool BackpressureEnabled { get; init; }

    public int BackpressureMaxLag { get; init; } = 5000;

    /// <summary>Api__MemoryAdmissionPercent: new jobs are refused once Redis uses this share of maxmemory; 0 is off (the seed as it was).</summary>
    public int MemoryAdmissionPercent { get; init; } = 90;

    public int SimulatedDownstreamMs { get; init; } = 20;

    public double WorkerFailureRate { get; init; }

    /// <summary>
    /// Worker__ReclaimIdleMs: pending entries idle this long are taken over by another worker (XAUTOCLAIM). The SUT's
    /// default; the reliability tests shorten it so a killed worker's jobs are reclaimed within the test.
    /// </summary>
    public int WorkerReclaimIdleMs { get; init; } = 30_000;

    /// <summary>Worker__JobKeyRetentionSeconds: how long a job's keys live after its outcome; null keeps the SUT's default.</summary>
    public int? JobKeyRetentionSeconds { get; init; }

    /// <summary>Api__IdempotencyTtlSeconds: how long a key answers at least after its creation; null keeps the SUT's default.</summary>
    public int? IdempotencyTtlSeconds { get; init; }

    public string SutImage { get; init; } = "perftests/sut:local";

    /// <summary>The BullMQ system's image (PERF_BULLMQ_SUT_IMAGE), used instead of <see cref="SutImage"/> when <see cref="JobSystem"/> is BullMQ.</summary>
    public string BullmqSutImage { get; init; } = "perftests/bullmq-sut:local";

    /// <summary>The image the API and worker containers run: the one of the chosen job system.</summary>
    public string SystemImage => JobSystem == JobSystemKind.Bullmq ? BullmqSutImage : SutImage;

    public string RedisImage { get; init; } = "redis:7.2";

    public string MongoImage { get; init; } = "mongo:7.0";

    /// <summary>External mode: the API's base URL.</summary>
    public Uri? ExternalApiUrl { get; init; }

    /// <summary>External mode: StackExchange.Redis configuration of the running system's Redis.</summary>
    public string? ExternalRedisConnectionString { get; init; }

    /// <summary>External mode: the running system's MongoDB, when it has one.</summary>
    public string? ExternalMongoConnectionString { get; init; }

    /// <summary>The settings as reports may show them: connection-string passwords replaced.</summary>
    public EnvironmentSettings Redacted() => this with
    {
        ExternalRedisConnectionString = RedactPassword(ExternalRedisConnectionString),
        ExternalMongoConnectionString = ExternalMongoConnectionString is null
            ? null
            : System.Text.RegularExpressions.Regex.Replace(ExternalMongoConnectionString, "//[^@/]+@", "//***@"),
    };

    private static string? RedactPassword(string? connection) => connection is null
        ? null
        : System.Text.RegularExpressions.Regex.Replace(connection, "password=[^,]*", "password=***", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>How long the fixture waits for queues to drain after the load stops.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long each container may take to become ready.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
