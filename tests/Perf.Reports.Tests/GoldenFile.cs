using System.Runtime.CompilerServices;

namespace Perf.Reports.Tests;

/// <summary>
/// A report from fixed inputs against its checked-in copy under Fixtures/. PERF_UPDATE_GOLDEN=1 rewrites the copy in the
/// source tree (next to the calling test's folder), to review as a diff before committing it.
/// </summary>
public static class GoldenFile
{
    public static void ShouldMatch(string markdown, string golden, [CallerFilePath] string testFile = "")
    {
        var source = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(testFile)!, "..", "Fixtures", golden));
        if (Environment.GetEnvironmentVariable("PERF_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(source, markdown);
        }

        markdown.Should().Be(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", golden)),
            "the report of fixed inputs changes only on purpose (PERF_UPDATE_GOLDEN=1 rewrites {0})", source);
    }
}
