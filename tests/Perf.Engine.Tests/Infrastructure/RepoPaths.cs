namespace Perf.Engine.Tests.Infrastructure;

internal static class RepoPaths
{
    /// <summary>The repository root, found by walking up from the test binaries to PerfTests.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string LoadTest(string file) => Path.Combine(Root, "loadtest", file);

    private static string FindRoot()
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
