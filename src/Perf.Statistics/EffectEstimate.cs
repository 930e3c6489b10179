namespace Perf.Statistics;

/// <summary>
/// The estimated effect of going from side a to side b, with its 95 % interval: b / a on the
/// <see cref="EffectScale.Ratio"/> scale, b − a on the <see cref="EffectScale.Difference"/> scale.
/// Low and High are NaN when <see cref="Source"/> is <see cref="IntervalSource.None"/>; <see cref="Method"/>
/// names how the numbers were obtained, or why there is no interval.
/// </summary>
public sealed record EffectEstimate(EffectScale Scale, double Estimate, double Low, double High, IntervalSource Source, string Method)
{
    public const double ConfidenceLevel = 0.95;

    public bool HasInterval => Source != IntervalSource.None && double.IsFinite(Low) && double.IsFinite(High);

    public static EffectEstimate WithoutInterval(EffectScale scale, double estimate, string reason) =>
        new(scale, estimate, double.NaN, double.NaN, IntervalSource.None, reason);
}
