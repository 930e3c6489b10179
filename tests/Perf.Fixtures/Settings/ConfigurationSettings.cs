using System.ComponentModel.DataAnnotations;

namespace Perf.Fixtures.Settings;

/// <summary>
/// The four knobs of one configuration (docs/architecture.md, "The two configurations"). Each configuration has its own
/// variables (<c>PERF_BASELINE_*</c>, <c>PERF_OPTIMIZED_*</c>), so that one variable cannot quietly make both sides identical.
/// </summary>
public sealed class ConfigurationSettings
{
    /// <summary>The value of <see cref="RedisConf"/> that means no file.</summary>
    public const string NoFile = "none";

    /// <summary>Worker processes (containers) started.</summary>
    [EnvironmentVariable("PERF_{0}_WORKERS")]
    [Range(1, 64)]
    public int Workers { get; set; } = 1;

    /// <summary>Redis connections (multiplexers) the API round-robins over; 1 means connection pooling is off.</summary>
    [EnvironmentVariable("PERF_{0}_REDIS_POOL_SIZE")]
    [Range(1, 64)]
    public int RedisPoolSize { get; set; } = 1;

    /// <summary>Whether the API answers new jobs with 503 and Retry-After once the queue lag exceeds <c>BackpressureMaxLag</c>.</summary>
    [EnvironmentVariable("PERF_{0}_BACKPRESSURE")]
    public bool Backpressure { get; set; }

    /// <summary>The queue lag (queued plus pending entries) above which backpressure refuses new jobs.</summary>
    [EnvironmentVariable("PERF_{0}_BACKPRESSURE_MAX_LAG")]
    [Range(1, 10_000_000)]
    public int BackpressureMaxLag { get; set; } = 5000;

    /// <summary>The Redis configuration file copied into the Redis container, relative to the repository root; none runs Redis with its defaults.</summary>
    [EnvironmentVariable("PERF_{0}_REDIS_CONF", Accepts = "a file's path, or none")]
    public string RedisConf { get; set; } = NoFile;
}
