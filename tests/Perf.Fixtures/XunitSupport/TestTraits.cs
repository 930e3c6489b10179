namespace Perf.Fixtures.XunitSupport;

/// <summary>
/// Trait names and values, so CI and people can filter: <c>--filter Category=baseline</c>,
/// <c>--filter Requires!=Docker</c> for the fast tests only.
/// </summary>
public static class TestTraits
{
    public const string Category = "Category";
    public const string Baseline = "baseline";
    public const string Optimized = "optimized";
    public const string Reliability = "reliability";
    public const string Requires = "Requires";
    public const string Docker = "Docker";
    public const string Chromium = "Chromium";
}
