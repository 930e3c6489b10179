using System.Globalization;
using Perf.Fixtures.Settings;
using Perf.Scenarios.Running;

namespace Perf.Scenarios.Experiments;

/// <summary>
/// Reads the experiments' PERF_* settings (README "Experiments"); a bad value stops the run naming the variable and
/// what is allowed. Artifacts go to artifacts/perf/experiments/ (tiny versions: its tiny/ folder, so CI never
/// overwrites a real result).
/// </summary>
public static class ExperimentSettings
{
    public static string Directory(bool tiny) =>
        Path.Combine(RepositoryPaths.ArtifactsDirectory, "experiments", tiny ? "tiny" : "");

    public static double Double(string name, double fallback, double min, double max) => PerfRunSettings.ReadDouble(name, fallback, min, max);

    public static IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback, int min, int max)
    {
        var raw = Text(name);
        if (raw is null)
        {
            return fallback;
        }

        var parts = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : (int?)null).ToList();
        return values.All(v => v is not null) && values.Count > 0
            ? values.Select(v => v!.Value).Distinct().Order().ToList()
            : throw new InvalidOperationException($"{name}='{raw}' is not a comma-separated list of integers from {min} to {max}.");
    }

    public static IReadOnlyList<string> Names(string name, IReadOnlyList<string> fallback, IReadOnlyList<string> allowed)
    {
        var raw = Text(name);
        if (raw is null)
        {
            return fallback;
        }

        var names = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = names.Where(n => !allowed.Contains(n)).ToList();
        return unknown.Count == 0 && names.Length > 0
            ? names
            : throw new InvalidOperationException($"{name}='{raw}': unknown name(s) {string.Join(", ", unknown)} (allowed: {string.Join(", ", allowed)}).");
    }

    private static string? Text(string name) => PerfRunSettings.Read(name);
}
