using Perf.Fixtures;

namespace Perf.Scenarios.Reporting;

/// <summary>Writes the baseline-vs-optimized Markdown comparison once both sides have a report.</summary>
public static class ComparisonReport
{
    /// <summary>Returns the Markdown path, or null when one side has no report yet.</summary>
    public static string? TryWrite(ArtifactWriter artifacts, string sessionId, Action<string> log)
    {
        throw new NotImplementedException("being written");
    }
}
