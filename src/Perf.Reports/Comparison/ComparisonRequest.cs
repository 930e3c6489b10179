namespace Perf.Reports.Comparison;

/// <summary>Everything one comparison report is made from; the caller has read the runs and decides where the files go.</summary>
public sealed record ComparisonRequest
{
    /// <summary>Side A's runs (one, or the repeats of a session); the last one is shown in detail.</summary>
    public required IReadOnlyList<ComparisonSide> SidesA { get; init; }

    public required IReadOnlyList<ComparisonSide> SidesB { get; init; }

    public required string ProfileName { get; init; }

    /// <summary>The folder the Markdown goes to; charts go to its charts/ folder and links are relative to it.</summary>
    public required string MarkdownDirectory { get; init; }

    /// <summary>The charts' file-name prefix: charts/&lt;stem&gt;-latency.png and so on.</summary>
    public required string ChartStem { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required ReportProvenance Provenance { get; init; }

    /// <summary>An A/A noise floor that raises the minimum effects, with where it came from; null when none is used.</summary>
    public NoiseFloor? NoiseFloor { get; init; }

    public string? NoiseFloorSource { get; init; }

    public ExperimentLinks Experiments { get; init; } = ExperimentLinks.None;

    /// <summary>Recommendations the caller derived from other evidence (the experiments), listed after the report's own.</summary>
    public IReadOnlyList<Recommendation> ExtraRecommendations { get; init; } = [];
}
