using Xunit;

namespace Perf.Testing;

/// <summary>
/// Finds the Chromium the HTML report is opened in: <c>PERF_CHROMIUM</c> when set, else the machine's own browser
/// (Debian's <c>chromium</c> package, which eng/test.sh installs, or Google Chrome). Never a browser that Playwright
/// downloads: the machines that run the suite reach no download host.
/// </summary>
public static class ChromiumLocator
{
    public const string Variable = "PERF_CHROMIUM";

    public static readonly IReadOnlyList<string> KnownPaths = ["/usr/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>True in CI (<c>CI</c> set), where a missing browser fails the test instead of skipping it.</summary>
    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>The browser's path, or null with the reason it was not found.</summary>
    public static string? Find(out string reason)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            reason = File.Exists(configured) ? string.Empty : $"{Variable}={configured}: no such file";
            return File.Exists(configured) ? configured : null;
        }

        var found = KnownPaths.FirstOrDefault(File.Exists);
        reason = found is null
            ? $"no Chromium at {string.Join(", ", KnownPaths)}: install Debian's chromium (eng/test.sh does) or set {Variable}=/path/to/chromium"
            : string.Empty;
        return found;
    }

    /// <summary>
    /// Skips the calling test, with the reason, when no browser is found on a developer's machine; in CI (<c>CI</c> set)
    /// it returns, so that the test runs and fails, because there a missing browser is a broken setup.
    /// </summary>
    public static void SkipWhenMissingOutsideCi()
    {
        if (!InCi && Find(out var reason) is null)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>The browser's path; throws with the reason when there is none (CI, where the test must not skip).</summary>
    public static string Require() =>
        Find(out var reason) ?? throw new InvalidOperationException($"headless Chromium is needed for the HTML report test: {reason}");
}
