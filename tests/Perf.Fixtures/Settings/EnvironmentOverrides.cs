using System.Collections;
using System.Globalization;
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
        Apply(preset, ReadProcessEnvironment());

    public static EnvironmentSettings Apply(EnvironmentSettings preset, IReadOnlyDictionary<string, string> variables)
    {
        var reader = new SettingReader(variables);
        var scoped = $"PERF_{preset.ConfigurationName.ToUpperInvariant()}_";
        var settings = preset with
        {
            Mode = reader.Enum("PERF_MODE", preset.Mode),
            Network = reader.Enum("PERF_NETWORK_MODE", preset.Network),
            Store = reader.Enum("PERF_STORE", preset.Store),
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

        if (reader.Problems.Count > 0)
        {
            throw new InvalidOperationException(
                "Invalid perf settings:" + Environment.NewLine + string.Join(Environment.NewLine, reader.Problems.Select(p => "  - " + p)));
        }

        return settings;
    }

    private static Dictionary<string, string> ReadProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && key.StartsWith("PERF_", StringComparison.Ordinal) && entry.Value is string value)
            {
                result[key] = value;
            }
        }

        return result;
    }

    private sealed class SettingReader(IReadOnlyDictionary<string, string> variables)
    {
        public List<string> Problems { get; } = [];

        public string Text(string name, string fallback) => Get(name) ?? fallback;

        public string? OptionalText(string name, string? fallback) => Get(name) ?? fallback;

        public int Int(string name, int fallback, int min, int max)
        {
            var raw = Get(name);
            if (raw is null)
            {
                return fallback;
            }

            if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            Problems.Add($"{name}='{raw}' is not an integer from {min} to {max}.");
            return fallback;
        }

        public bool Bool(string name, bool fallback)
        {
            var raw = Get(name);
            if (raw is null)
            {
                return fallback;
            }

            if (bool.TryParse(raw, out var value))
            {
                return value;
            }

            Problems.Add($"{name}='{raw}' is not a boolean (allowed: true, false).");
            return fallback;
        }

        public TEnum Enum<TEnum>(string name, TEnum fallback)
            where TEnum : struct, System.Enum
        {
            var raw = Get(name);
            if (raw is null)
            {
                return fallback;
            }

            if (System.Enum.TryParse<TEnum>(raw, ignoreCase: true, out var value) && System.Enum.IsDefined(value))
            {
                return value;
            }

            var allowed = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
            Problems.Add($"{name}='{raw}' is not allowed (allowed: {allowed}).");
            return fallback;
        }

        public Uri? Url(string name, Uri? fallback)
        {
            var raw = Get(name);
            if (raw is null)
            {
                return fallback;
            }

            if (Uri.TryCreate(raw, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            Problems.Add($"{name}='{raw}' is not an absolute http(s) URL.");
            return fallback;
        }

        public string? ConfigFile(string name, string? fallback)
        {
            var raw = Get(name);
            return raw switch
            {
                null => fallback,
                "none" => null,
                _ => Path.GetFullPath(raw, RepositoryPaths.Root),
            };
        }

        private string? Get(string name) =>
            variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }
}
