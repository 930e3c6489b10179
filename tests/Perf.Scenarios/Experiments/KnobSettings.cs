using Perf.Fixtures.Settings;
using Perf.Model.Settings;
using Perf.Reports.Experiments.Attribution;

namespace Perf.Scenarios.Experiments;

/// <summary>A configuration as a set of knob levels: each knob at its baseline (low) or optimized (high) value.</summary>
public static class KnobSettings
{
    public static string Describe(Knob knob) => knob switch
    {
        Knob.Workers => $"workers {Low.WorkerCount} → {High.WorkerCount}",
        Knob.RedisConf => $"Redis {(Low.RedisConfigFile is null ? "defaults" : Path.GetFileName(Low.RedisConfigFile))} → {(High.RedisConfigFile is null ? "defaults" : Path.GetFileName(High.RedisConfigFile))}",
        Knob.Pooling => $"API Redis connections {Low.RedisPoolSize} → {High.RedisPoolSize}",
        Knob.Backpressure => $"backpressure {(Low.BackpressureEnabled ? "on" : "off")} → {(High.BackpressureEnabled ? "on" : "off")}",
        _ => throw new ArgumentOutOfRangeException(nameof(knob), knob, "unknown knob"),
    };

    /// <summary>Sets one knob of <paramref name="settings"/> to its baseline (<paramref name="high"/> false) or optimized value.</summary>
    public static EnvironmentSettings With(EnvironmentSettings settings, Knob knob, bool high)
    {
        var source = high ? High : Low;
        return knob switch
        {
            Knob.Workers => settings with { WorkerCount = source.WorkerCount },
            Knob.RedisConf => settings with { RedisConfigFile = source.RedisConfigFile },
            Knob.Pooling => settings with { RedisPoolSize = source.RedisPoolSize },
            Knob.Backpressure => settings with { BackpressureEnabled = source.BackpressureEnabled, BackpressureMaxLag = source.BackpressureMaxLag },
            _ => throw new ArgumentOutOfRangeException(nameof(knob), knob, "unknown knob"),
        };
    }

    /// <summary>
    /// The environment of one design point: the baseline preset with PERF_* overrides (images, store, network), then every
    /// knob at its level. The configuration name stays "baseline" so per-configuration overrides apply to the low levels.
    /// </summary>
    public static EnvironmentSettings For(IReadOnlyDictionary<Knob, bool> levels, string name)
    {
        var settings = PerfSettings.Current.Environment(EnvironmentPresets.Baseline);
        foreach (var (knob, high) in levels)
        {
            settings = With(settings, knob, high);
        }

        return settings with { ConfigurationName = name };
    }

    private static EnvironmentSettings Low => EnvironmentPresets.BaselineSettings();

    private static EnvironmentSettings High => EnvironmentPresets.OptimizedSettings();
}
