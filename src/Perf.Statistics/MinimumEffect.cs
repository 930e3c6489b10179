namespace Perf.Statistics;

/// <summary>
/// The smallest change a comparison should call a difference. On the ratio scale <see cref="Size"/> is a share
/// (0.10 = 10 %: worse beyond ×1.10, better beyond ×1/1.10, symmetric on a log scale); on the difference scale it is
/// in the metric's own unit (0.5 = half a percentage point for an error rate in %).
/// </summary>
public sealed record MinimumEffect(EffectScale Scale, double Size)
{
    public static MinimumEffect RatioOf(double share) => new(EffectScale.Ratio, share);

    public static MinimumEffect DifferenceOf(double size) => new(EffectScale.Difference, size);

    /// <summary>The larger of this effect and a measured noise floor of the same scale.</summary>
    public MinimumEffect AtLeast(double noiseFloor) => noiseFloor > Size ? this with { Size = noiseFloor } : this;
}
