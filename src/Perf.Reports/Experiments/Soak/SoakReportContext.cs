namespace Perf.Reports.Experiments.Soak;

/// <summary>What every section of a soak report reads: the result, the configuration it ran and when; it draws no chart.</summary>
internal sealed record SoakReportContext(SoakResult Result, string Configuration, ExperimentContext Run) : IExperimentReportContext
{
    public string Title => $"Soak: {Configuration}";

    public IReadOnlyList<ChartImage> Charts => [];

    public IReadOnlyList<string> ChartProblems => [];
}
