namespace Perf.Statistics;

/// <summary>
/// A difference is called only when the whole 95 % interval lies beyond the minimum effect, so an interval that
/// merely excludes "no change" by a hair, or a wide interval, reads as "no detectable difference".
/// </summary>
public static class VerdictRule
{
    public static Verdict Judge(EffectEstimate effect, MetricDirection direction, MinimumEffect minimum)
    {
        ArgumentNullException.ThrowIfNull(effect);
        ArgumentNullException.ThrowIfNull(minimum);
        if (effect.Scale != minimum.Scale)
        {
            throw new ArgumentException($"the minimum effect is on the {minimum.Scale} scale, the estimate on the {effect.Scale} scale", nameof(minimum));
        }

        if (!effect.HasInterval)
        {
            return Verdict.NotEstimated;
        }

        var (lower, upper) = Bounds(minimum);
        var increased = effect.Low > upper;
        var decreased = effect.High < lower;
        if (!increased && !decreased)
        {
            return Verdict.NoDetectableDifference;
        }

        return direction switch
        {
            MetricDirection.LowerIsBetter => increased ? Verdict.Worse : Verdict.Better,
            MetricDirection.HigherIsBetter => increased ? Verdict.Better : Verdict.Worse,
            _ => Verdict.Changed,
        };
    }

    /// <summary>
    /// Whether the whole interval lies within the minimum effect on both sides; an interval without a verdict that does
    /// not is inconclusive: it reaches past the minimum effect, but not wholly.
    /// </summary>
    public static bool LiesWithin(EffectEstimate effect, MinimumEffect minimum)
    {
        ArgumentNullException.ThrowIfNull(effect);
        ArgumentNullException.ThrowIfNull(minimum);
        var (lower, upper) = Bounds(minimum);
        return effect.HasInterval && lower <= effect.Low && effect.High <= upper;
    }

    /// <summary>The band of "no difference that matters": ÷ and × (1 + size) on the ratio scale, ± size on the difference scale.</summary>
    private static (double Lower, double Upper) Bounds(MinimumEffect minimum) => minimum.Scale == EffectScale.Ratio
        ? (1 / (1 + minimum.Size), 1 + minimum.Size)
        : (-minimum.Size, minimum.Size);
}
