using Perf.Model.Settings;

namespace Perf.Fixtures.Settings;

/// <summary>The two configurations (docs/architecture.md, "The two configurations"), and their names.</summary>
public static class EnvironmentPresets
{
    public const string Baseline = "baseline";
    public const string Optimized = "optimized";

    public static IReadOnlyList<string> Names { get; } = [Baseline, Optimized];

    /// <summary>1 worker, Redis defaults (no maxmemory), a single API connection, no backpressure.</summary>
    public static EnvironmentSettings BaselineSettings() => new()
    {
        ConfigurationName = Baseline,
        WorkerCount = 1,
        RedisConfigFile = null,
        RedisPoolSize = 1,
        BackpressureEnabled = false,
    };

    /// <summary>5 workers, the repository's redis.conf, pooled API connections, backpressure on.</summary>
    public static EnvironmentSettings OptimizedSettings() => new()
    {
        ConfigurationName = Optimized,
        WorkerCount = 5,
        RedisConfigFile = Path.Combine(RepositoryPaths.Root, "redis.conf"),
        RedisPoolSize = 4,
        BackpressureEnabled = true,
    };

    /// <summary>Returns the named preset, or throws naming the allowed names.</summary>
    public static EnvironmentSettings ByName(string name) => name switch
    {
        Baseline => BaselineSettings(),
        Optimized => OptimizedSettings(),
        _ => throw new ArgumentException(
            $"Unknown configuration name '{name}'. Allowed: {string.Join(", ", Names)}.", nameof(name)),
    };
}
