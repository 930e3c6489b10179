namespace Perf.Reports.Experiments.Scaling;

/// <summary>What every section of the scaling report reads: the points and their fit, when it ran, and its chart already saved.</summary>
internal sealed record ScalingReportContext(ScalingResult Result, ExperimentContext Run, IReadOnlyList<ChartImage> Charts, IReadOnlyList<string> ChartProblems)
    : IExperimentReportContext
{
    public string Title => ScalingMarkdown.Title;
}
