namespace Perf.Scenarios.Tests.Html;

/// <summary>
/// A fact that opens a page in headless Chromium. Without a browser it is reported as skipped, with the reason, on a
/// developer's machine; in CI (<c>CI</c> set) it runs and fails, because there a missing browser is a broken setup.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!ChromiumLocator.InCi && ChromiumLocator.Find(out var reason) is null)
        {
            Skip = reason;
        }
    }
}
