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

        var (upper, lower) = effect.Scale == EffectScale.Ratio
            ? (1 + minimum.Size, 1 / (1 + minimum.Size))
            : (minimum.Size, -minimum.Size);
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
}
