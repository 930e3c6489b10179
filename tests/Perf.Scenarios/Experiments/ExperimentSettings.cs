using Perf.Fixtures.Settings;

namespace Perf.Scenarios.Experiments;

/// <summary>
/// Where the experiments write: artifacts/perf/experiments/ (tiny versions: its tiny/ folder, so CI never overwrites a
/// real result). Their PERF_* settings (README "Experiments") are read by <see cref="PerfVariables"/>, like every other
/// setting, so a bad value names the variable and what is allowed in the same words.
/// </summary>
public static class ExperimentSettings
{
    public static string Directory(bool tiny) =>
        Path.Combine(RepositoryPaths.ArtifactsDirectory, "experiments", tiny ? "tiny" : "");
}
