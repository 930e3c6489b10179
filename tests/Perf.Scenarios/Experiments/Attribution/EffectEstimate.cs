namespace Perf.Scenarios.Experiments.Attribution;

/// <summary>The effect of one design column on one metric: high level minus low level, averaged over the design.</summary>
public sealed record EffectEstimate(string Effect, string? AliasedWith, string Metric, string Unit, bool LowerIsBetter, EffectInterval Interval,
    double LowLevelMean)
{
    /// <summary>"helps", "hurts" or "no clear effect", from the interval alone.</summary>
    public string Verdict => Interval is { Low: 0, High: 0 }
        ? "none measured (0 in every resample)"
        : !Interval.ExcludesZero
        ? "no clear effect (interval includes 0)"
        : (Interval.Estimate < 0) == LowerIsBetter ? "helps" : "hurts";
}
