using System.Globalization;
using Perf.Fixtures.Settings;

namespace Perf.Scenarios.Running;

/// <summary>
/// Which profile a perf test runs and how strictly it is judged. PERF_PROFILE picks the profile: "smoke"
/// (default, loadtest/artillery-smoke.yml), "1k" (loadtest/artillery-1k.yml) or a path to a profile file;
/// PERF_TIME_SCALE shortens or stretches every phase; PERF_MIN_RATE_RATIO is the share of each phase's target
/// arrival rate the generator must reach, so a generator that fell behind cannot pass.
/// </summary>
public sealed record PerfRunSettings(string ProfileName, string ProfilePath, double TimeScale, double MinAchievedRateRatio)
{
    public static PerfRunSettings FromEnvironment()
    {
        var profile = Read("PERF_PROFILE") ?? "smoke";
        var path = profile switch
        {
            "smoke" or "1k" => Path.Combine(RepositoryPaths.Root, "loadtest", $"artillery-{profile}.yml"),
            _ => Path.GetFullPath(profile, RepositoryPaths.Root),
        };
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"PERF_PROFILE='{profile}': profile file '{path}' does not exist (allowed: smoke, 1k, or the path of a profile file).");
        }

        var name = profile is "smoke" or "1k" ? profile : Path.GetFileNameWithoutExtension(path).Replace("artillery-", "", StringComparison.Ordinal);
        return new PerfRunSettings(name, path,
            ReadDouble("PERF_TIME_SCALE", 1.0, 0.01, 10), ReadDouble("PERF_MIN_RATE_RATIO", 0.95, 0, 1));
    }

    internal static string? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value.Trim() : null;

    internal static double ReadDouble(string name, double fallback, double min, double max)
    {
        var raw = Read(name);
        if (raw is null)
        {
            return fallback;
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{name}='{raw}' is not a number from {min} to {max}.");
    }
}
