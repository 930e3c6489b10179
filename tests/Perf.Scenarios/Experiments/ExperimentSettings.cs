using Perf.Fixtures.Settings;
using Perf.Reports.Experiments;

namespace Perf.Scenarios.Experiments;

/// <summary>
/// Where the experiments write: artifacts/perf/experiments/ (tiny versions: its tiny/ folder, so CI never overwrites a
/// real result). Their settings are the sections Capacity and Scaling of <see cref="PerfSettings"/> (docs/settings.md).
/// </summary>
public static class ExperimentSettings
{
    public static string Directory(bool tiny) => ExperimentFiles.Directory(PerfSettings.Current.ArtifactsPath, tiny);
}
