namespace Perf.Reports.Comparison;

/// <summary>
/// The headline comparison as data, written beside the Markdown as comparison-results/comparison-&lt;profile&gt;.json
/// (A/A: aa-&lt;config&gt;-&lt;profile&gt;.json) so the gate reads the same numbers the report shows.
/// </summary>
public sealed record ComparisonResults
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string ProfileName { get; init; }

    public required string SideA { get; init; }

    public required string SideB { get; init; }

    public required int RunsA { get; init; }

    public required int RunsB { get; init; }

    /// <summary>The phase the headline is about, e.g. "sustained"; null when the reports have no phases.</summary>
    public string? Phase { get; init; }

    /// <summary>What the intervals cover, in words: within-run only, or between runs.</summary>
    public required string IntervalNote { get; init; }

    /// <summary>Where the noise floor came from (file and measurement time), or null when none was used.</summary>
    public string? NoiseFloorSource { get; init; }

    public required IReadOnlyList<MetricComparison> Metrics { get; init; }
}
