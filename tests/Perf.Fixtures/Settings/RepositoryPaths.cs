namespace Perf.Fixtures.Settings;

/// <summary>Finds the repository root (the folder holding PerfTests.sln) from the test's output folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

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
