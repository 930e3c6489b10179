namespace Perf.Reports.Experiments.Scaling;

/// <summary>The measured points and their USL fit (null when the fit could not be made, with the reason).</summary>
public sealed record ScalingResult(IReadOnlyList<ScalingPoint> Points, UslFit? Fit, string? FitProblem, int Cores);
