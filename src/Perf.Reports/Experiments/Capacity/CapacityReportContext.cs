namespace Perf.Reports.Experiments.Capacity;

/// <summary>What every section of a capacity report reads: the search as stored, and its chart already saved.</summary>
internal sealed record CapacityReportContext(CapacityReport Report, IReadOnlyList<ChartImage> Charts, IReadOnlyList<string> ChartProblems)
    : IExperimentReportContext
{
    public string Title => $"Capacity of `{Report.Configuration}`";

    public ExperimentContext Run => Report.Context;
}
