using System.Collections;
using Perf.Model.Settings;

namespace Perf.Fixtures.Settings;

/// <summary>
/// The suite's settings: one section per concern, each setting with its default, its JSON path in the optional
/// <c>perfsettings.json</c> at the repository root, and the <c>PERF_*</c> environment variable that overrides it
/// (docs/settings.md, generated from this model; perfsettings.example.json holds every setting with its default).
/// <see cref="Current"/> loads and validates them once per process; a bad value anywhere fails every use with the same
/// list of all problems.
/// </summary>
public sealed class PerfSettings
{
    /// <summary>The settings file a user keeps at the repository root (git ignores it).</summary>
    public const string FileName = "perfsettings.json";

    private static readonly Lazy<PerfSettings> LazyCurrent = new(() => Load(Path.Combine(RepositoryPaths.Root, FileName), ProcessVariables()));

    /// <summary>The settings of this process: the repository's perfsettings.json (when there is one) under the process's environment variables.</summary>
    public static PerfSettings Current => LazyCurrent.Value;

    /// <summary>Every setting at its default, as in perfsettings.example.json.</summary>
    public static PerfSettings Defaults { get; } = new();

    /// <summary>The system under test, shared by both configurations.</summary>
    public SystemSettings System { get; set; } = new();

    /// <summary>The container images.</summary>
    public ImageSettings Images { get; set; } = new();

    /// <summary>A BullMQ system's queues.</summary>
    public BullmqSettings Bullmq { get; set; } = new();

    /// <summary>The running system of external mode.</summary>
    public ExternalSettings External { get; set; } = new();

    /// <summary>The baseline configuration: the system as it ships.</summary>
    public ConfigurationSettings Baseline { get; set; } = new();

    /// <summary>The optimized configuration: 5 workers, the repository's redis.conf, 4 pooled API connections, backpressure on.</summary>
    public ConfigurationSettings Optimized { get; set; } = new() { Workers = 5, RedisPoolSize = 4, Backpressure = true, RedisConf = "redis.conf" };

    /// <summary>The perf run.</summary>
    public RunSettings Run { get; set; } = new();

    /// <summary>A/A runs.</summary>
    public AaSettings Aa { get; set; } = new();

    /// <summary>The job path's SLOs.</summary>
    public JobSloSettings JobSlo { get; set; } = new();

    /// <summary>The capacity search experiment.</summary>
    public CapacitySettings Capacity { get; set; } = new();

    /// <summary>The worker scaling experiment.</summary>
    public ScalingSettings Scaling { get; set; } = new();

    /// <summary>The soak benchmark.</summary>
    public SoakSettings Soak { get; set; } = new();

    /// <summary>The live web dashboard.</summary>
    public DashboardSettings Dashboard { get; set; } = new();

    /// <summary>What tests take from the machine.</summary>
    public TestSettings Tests { get; set; } = new();

    /// <summary>Where artifacts go: <see cref="RunSettings.ArtifactsDirectory"/> resolved against the repository root.</summary>
    public string ArtifactsPath => Path.GetFullPath(Run.ArtifactsDirectory, RepositoryPaths.Root);

    /// <summary>
    /// Reads <paramref name="file"/> (optional; null or missing means none) under <paramref name="environment"/>'s
    /// variables, and validates the result; throws <see cref="PerfSettingsException"/> listing every problem.
    /// </summary>
    public static PerfSettings Load(string? file, IReadOnlyDictionary<string, string> environment) => SettingsBinder.Bind(file, environment);

    /// <summary>The knobs of the named configuration, or an error naming the allowed names.</summary>
    public ConfigurationSettings Knobs(string configurationName) => configurationName switch
    {
        EnvironmentPresets.Baseline => Baseline,
        EnvironmentPresets.Optimized => Optimized,
        _ => throw new ArgumentException(
            $"Unknown configuration name '{configurationName}'. Allowed: {string.Join(", ", EnvironmentPresets.Names)}.", nameof(configurationName)),
    };

    /// <summary>The environment of the named configuration (baseline or optimized) as the fixtures start it and the report records it.</summary>
    public EnvironmentSettings Environment(string configurationName)
    {
        var knobs = Knobs(configurationName);
        return new EnvironmentSettings
        {
            ConfigurationName = configurationName,
            Mode = System.Mode,
            Network = System.Network,
            Store = System.Store,
            JobSystem = System.Kind,
            WorkerConcurrency = System.WorkerConcurrency,
            SimulatedDownstreamMs = System.SimulatedDownstreamMs,
            DrainTimeout = TimeSpan.FromSeconds(System.DrainTimeoutSeconds),
            StartTimeout = TimeSpan.FromSeconds(System.StartTimeoutSeconds),
            SutImage = Images.Sut,
            BullmqSutImage = Images.BullmqSut,
            RedisImage = Images.Redis,
            MongoImage = Images.Mongo,
            BullmqPrefix = Bullmq.Prefix,
            BullmqQueues = Bullmq.Queues,
            ExternalApiUrl = External.ApiUrl,
            ExternalRedisConnectionString = External.RedisConnection,
            ExternalMongoConnectionString = External.MongoConnection,
            WorkerCount = knobs.Workers,
            RedisPoolSize = knobs.RedisPoolSize,
            BackpressureEnabled = knobs.Backpressure,
            BackpressureMaxLag = knobs.BackpressureMaxLag,
            RedisConfigFile = RedisConfigFile(knobs),
        };
    }

    /// <summary>What is wrong across settings (each value on its own was valid), every setting named by variable and JSON path.</summary>
    internal IEnumerable<string> Problems()
    {
        if (System.Mode == TargetMode.External && External.ApiUrl is null)
        {
            yield return $"{Name(nameof(System), nameof(SystemSettings.Mode))}=external needs {Name(nameof(External), nameof(ExternalSettings.ApiUrl))} (the running API, e.g. http://127.0.0.1:8080).";
        }

        if (System.Mode == TargetMode.External && External.RedisConnection is null)
        {
            yield return $"{Name(nameof(System), nameof(SystemSettings.Mode))}=external needs {Name(nameof(External), nameof(ExternalSettings.RedisConnection))} (e.g. 127.0.0.1:6379,password=...).";
        }

        foreach (var configuration in EnvironmentPresets.Names)
        {
            if (RedisConfigFile(Knobs(configuration)) is { } file && !File.Exists(file))
            {
                yield return $"Redis configuration file '{file}' of configuration '{configuration}' does not exist (set " +
                             $"{Name(Capitalized(configuration), nameof(ConfigurationSettings.RedisConf))} to an existing file, or to '{ConfigurationSettings.NoFile}' for Redis defaults).";
            }
        }

        if (ProfilePath is var profile && !File.Exists(profile))
        {
            yield return $"{Name(nameof(Run), nameof(RunSettings.Profile))}='{Run.Profile}': profile file '{profile}' does not exist (allowed: smoke, 1k, or the path of a profile file).";
        }

        if (Aa.Configuration is not null && Aa.Half is null)
        {
            yield return $"PERF_AA='{Aa.Configuration}' needs PERF_AA_HALF=a or b ({Name(nameof(Aa), nameof(AaSettings.Half))}; eng/run-comparison.sh sets it).";
        }

        if (Aa.Labels is not null && Aa.Configuration is null)
        {
            yield return $"{Name(nameof(Aa), nameof(AaSettings.Labels))} names the halves of an A/A run: set {Name(nameof(Aa), nameof(AaSettings.Configuration))} too (eng/perf-gate-compare.sh sets both).";
        }
    }

    /// <summary>The profile file <see cref="RunSettings.Profile"/> names.</summary>
    public string ProfilePath => Run.Profile is "smoke" or "1k"
        ? Path.Combine(RepositoryPaths.Root, "loadtest", $"artillery-{Run.Profile}.yml")
        : Path.GetFullPath(Run.Profile, RepositoryPaths.Root);

    private static string? RedisConfigFile(ConfigurationSettings knobs) =>
        knobs.RedisConf == ConfigurationSettings.NoFile ? null : Path.GetFullPath(knobs.RedisConf, RepositoryPaths.Root);

    private static string Name(string section, string property) => SettingDescriptor.Named($"{section}:{property}").Names;

    private static string Capitalized(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static Dictionary<string, string> ProcessVariables()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in global::System.Environment.GetEnvironmentVariables())
        {
            if (entry is { Key: string key, Value: string value })
            {
                variables[key] = value;
            }
        }

        return variables;
    }
}
