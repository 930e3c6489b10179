namespace Perf.Reports.Experiments.Attribution;

/// <summary>
/// The effect of one design column (a knob or an interaction) on one metric: high level minus low level, averaged over
/// the design, as a Perf.Statistics estimate with its interval, and the minimum effect (in the metric's unit) its
/// verdict is judged against.
/// </summary>
public sealed record KnobEffect(string Effect, string? AliasedWith, string Metric, string Unit, MetricDirection Direction,
    EffectEstimate Interval, MinimumEffect Minimum, double LowLevelMean)
{
    public Verdict Verdict => VerdictRule.Judge(Interval, Direction, Minimum);

    /// <summary>"helps", "hurts", "no detectable effect" or why there is no interval.</summary>
    public string VerdictText => Verdict switch
    {
        Verdict.Better => "helps",
        Verdict.Worse => "hurts",
        Verdict.NotEstimated => Interval.Method,
        _ => $"no detectable effect (interval reaches within ±{NumberText.F(Minimum.Size, Math.Abs(Minimum.Size) < 10 ? "0.##" : "0")})",
    };
}
