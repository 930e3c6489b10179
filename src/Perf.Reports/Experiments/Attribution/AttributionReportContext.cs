namespace Perf.Reports.Experiments.Attribution;

/// <summary>
/// What every section of the attribution report reads: the design, its runs and effects, when it ran, what each knob's
/// levels are (<see cref="KnobLevels"/>, in the design's knob order) and the effect charts already saved.
/// </summary>
internal sealed record AttributionReportContext(AttributionResult Result, ExperimentContext Run, IReadOnlyList<string> KnobLevels,
    IReadOnlyList<ChartImage> Charts, IReadOnlyList<string> ChartProblems) : IExperimentReportContext
{
    public string Title => $"Which knob did what — profile `{Result.ProfileName}`";
}
