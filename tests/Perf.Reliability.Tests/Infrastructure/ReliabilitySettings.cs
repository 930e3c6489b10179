using Perf.Fixtures.Settings;
using Perf.Model.Settings;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>
/// Settings of a fault run: a preset with this machine's PERF_* overrides (network mode, store, images), renamed so
/// its containers are recognisable, with start and drain bounds short enough that a broken run fails in seconds.
/// </summary>
internal static class ReliabilitySettings
{
    public static EnvironmentSettings Baseline(string name) => For(EnvironmentPresets.Baseline, name);

    public static EnvironmentSettings Optimized(string name) => For(EnvironmentPresets.Optimized, name);

    private static EnvironmentSettings For(string configuration, string name) =>
        PerfSettings.Current.Environment(configuration) with
        {
            ConfigurationName = name,
            StartTimeout = TimeSpan.FromSeconds(45),
            DrainTimeout = TimeSpan.FromSeconds(45),
        };
}
