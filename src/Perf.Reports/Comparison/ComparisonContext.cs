namespace Perf.Reports.Comparison;

/// <summary>
/// What every section of the comparison reads: the run of each side shown in detail (A is the reference, B is compared
/// against it), the headline as data, the charts already saved, the recommendations the rules derived, the experiment
/// links and the provenance; <see cref="MarkdownDirectory"/> is where the Markdown goes, and links are relative to it.
/// </summary>
internal sealed record ComparisonContext(
    ComparisonSide A,
    ComparisonSide B,
    ComparisonResults Results,
    ChartSet Charts,
    IReadOnlyList<Recommendation> Recommendations,
    ExperimentLinks Experiments,
    ReportProvenance Provenance,
    string MarkdownDirectory,
    DateTimeOffset GeneratedAt);
