namespace Perf.Testing;

/// <summary>The checkout a test runs in: the first folder above the test's output that holds PerfTests.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PerfTests.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"PerfTests.sln not found above {AppContext.BaseDirectory}");
    }
}
