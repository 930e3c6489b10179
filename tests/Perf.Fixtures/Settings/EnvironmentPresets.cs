using Perf.Model.Settings;

namespace Perf.Fixtures.Settings;

/// <summary>
/// The two configurations (docs/architecture.md, "The two configurations") at their defaults, and their names. The
/// knobs' values live in <see cref="PerfSettings"/> (sections Baseline and Optimized); a run's settings with the user's
/// overrides come from <see cref="PerfSettings.Current"/>.
/// </summary>
public static class EnvironmentPresets
{
    public const string Baseline = "baseline";
    public const string Optimized = "optimized";

    public static IReadOnlyList<string> Names { get; } = [Baseline, Optimized];

    /// <summary>1 worker, Redis defaults (no maxmemory), a single API connection, no backpressure.</summary>
    public static EnvironmentSettings BaselineSettings() => PerfSettings.Defaults.Environment(Baseline);

    /// <summary>5 workers, the repository's redis.conf, pooled API connections, backpressure on.</summary>
    public static EnvironmentSettings OptimizedSettings() => PerfSettings.Defaults.Environment(Optimized);

    /// <summary>Returns the named preset, or throws naming the allowed names.</summary>
    public static EnvironmentSettings ByName(string name) => PerfSettings.Defaults.Environment(name);
}
