namespace Perf.Scenarios.Experiments.Attribution;

/// <summary>
/// The effect of one design column on one metric: high level minus low level, averaged over the design, with its
/// interval, and the minimum effect (in the metric's unit) its verdict is judged against.
/// </summary>
public sealed record EffectEstimate(string Effect, string? AliasedWith, string Metric, string Unit, MetricDirection Direction,
    Perf.Statistics.EffectEstimate Interval, MinimumEffect Minimum, double LowLevelMean)
{
    public Verdict Outcome => VerdictRule.Judge(Interval, Direction, Minimum);

    /// <summary>"helps", "hurts", "no detectable effect" or why there is no interval.</summary>
    public string Verdict => Outcome switch
    {
        Perf.Statistics.Verdict.Better => "helps",
        Perf.Statistics.Verdict.Worse => "hurts",
        Perf.Statistics.Verdict.NotEstimated => Interval.Method,
        _ => $"no detectable effect (interval reaches within ±{NumberTextOf(Minimum.Size)})",
    };

    private static string NumberTextOf(double value) => Perf.Scenarios.Reporting.NumberText.F(value, Math.Abs(value) < 10 ? "0.##" : "0");
}
