namespace Perf.Fixtures.Settings;

/// <summary>Finds the repository root (the folder holding PerfTests.sln) from the test's output folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>Where artifacts go: PERF_ARTIFACTS_DIR, else artifacts/perf under the repository root.</summary>
    public static string ArtifactsDirectory =>
        Environment.GetEnvironmentVariable("PERF_ARTIFACTS_DIR") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Root, "artifacts", "perf");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerfTests.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"PerfTests.sln not found above {AppContext.BaseDirectory}: run the suite from inside the repository.");
    }
}
