using Perf.Model.Settings;

namespace Perf.Fixtures.Settings;

/// <summary>
/// Applies <c>PERF_*</c> environment variables to a preset. Global settings (images, mode, store, network)
/// apply to every configuration; per-configuration knobs use <c>PERF_BASELINE_*</c> / <c>PERF_OPTIMIZED_*</c>
/// so that one variable cannot quietly make both sides identical. Every bad value is reported at once,
/// naming the variable, the value and what is allowed.
/// </summary>
public static class EnvironmentOverrides
{
    public static EnvironmentSettings Apply(EnvironmentSettings preset) =>
        Apply(preset, PerfVariables.FromProcess());

    public static EnvironmentSettings Apply(EnvironmentSettings preset, IReadOnlyDictionary<string, string> variables) =>
        Apply(preset, new PerfVariables(variables));

    private static EnvironmentSettings Apply(EnvironmentSettings preset, PerfVariables reader)
    {
        var scoped = $"PERF_{preset.ConfigurationName.ToUpperInvariant()}_";
        var settings = preset with
        {
            Mode = reader.Enum("PERF_MODE", preset.Mode),
            Network = reader.Enum("PERF_NETWORK_MODE", preset.Network),
            Store = reader.Enum("PERF_STORE", preset.Store),
            JobSystem = reader.Enum("PERF_SYSTEM", preset.JobSystem),
            BullmqPrefix = reader.Text("PERF_BULLMQ_PREFIX", preset.BullmqPrefix),
            BullmqQueues = reader.List("PERF_BULLMQ_QUEUES", preset.BullmqQueues),
            BullmqSutImage = reader.Text("PERF_BULLMQ_SUT_IMAGE", preset.BullmqSutImage),
            SutImage = reader.Text("PERF_SUT_IMAGE", preset.SutImage),
            RedisImage = reader.Text("PERF_REDIS_IMAGE", preset.RedisImage),
            MongoImage = reader.Text("PERF_MONGO_IMAGE", preset.MongoImage),
            SimulatedDownstreamMs = reader.Int("PERF_SIMULATED_DOWNSTREAM_MS", preset.SimulatedDownstreamMs, 0, 60_000),
            WorkerConcurrency = reader.Int("PERF_WORKER_CONCURRENCY", preset.WorkerConcurrency, 1, 1024),
            DrainTimeout = TimeSpan.FromSeconds(reader.Int("PERF_DRAIN_TIMEOUT_S", (int)preset.DrainTimeout.TotalSeconds, 1, 3600)),
            ExternalApiUrl = reader.Url("PERF_API_URL", preset.ExternalApiUrl),
            ExternalRedisConnectionString = reader.OptionalText("PERF_REDIS_CONNECTION", preset.ExternalRedisConnectionString),
            ExternalMongoConnectionString = reader.OptionalText("PERF_MONGO_CONNECTION", preset.ExternalMongoConnectionString),
            WorkerCount = reader.Int(scoped + "WORKERS", preset.WorkerCount, 1, 64),
            RedisPoolSize = reader.Int(scoped + "REDIS_POOL_SIZE", preset.RedisPoolSize, 1, 64),
            BackpressureEnabled = reader.Bool(scoped + "BACKPRESSURE", preset.BackpressureEnabled),
            BackpressureMaxLag = reader.Int(scoped + "BACKPRESSURE_MAX_LAG", preset.BackpressureMaxLag, 1, 10_000_000),
            RedisConfigFile = reader.ConfigFile(scoped + "REDIS_CONF", preset.RedisConfigFile),
        };

        if (settings.Mode == TargetMode.External && settings.ExternalApiUrl is null)
        {
            reader.Problems.Add("PERF_MODE=external needs PERF_API_URL (the running API, e.g. http://127.0.0.1:8080).");
        }

        if (settings.Mode == TargetMode.External && settings.ExternalRedisConnectionString is null)
        {
            reader.Problems.Add("PERF_MODE=external needs PERF_REDIS_CONNECTION (e.g. 127.0.0.1:6379,password=...).");
        }

        if (settings.RedisConfigFile is { } file && !File.Exists(file))
        {
            reader.Problems.Add($"Redis configuration file '{file}' of configuration '{settings.ConfigurationName}' does not exist " +
                                $"(set {scoped}REDIS_CONF to an existing file, or to 'none' for Redis defaults).");
        }

        reader.ThrowIfInvalid();
        return settings;
    }
}
