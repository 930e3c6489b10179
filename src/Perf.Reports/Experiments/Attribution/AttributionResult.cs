namespace Perf.Reports.Experiments.Attribution;

/// <summary>A finished attribution: the design, every run's evidence and every effect with its interval.</summary>
public sealed record AttributionResult(TwoLevelDesign Design, string ProfileName, double TimeScale, IReadOnlyList<RunSeries> Runs,
    IReadOnlyList<KnobEffect> Effects, double WallSeconds);
