namespace Perf.Reports.Experiments.Soak;

/// <summary>
/// The soak benchmark's settings: the profile's sustained arrival rate (its fastest phase: 1,000 arrivals/s of the 1k
/// profile, about 750 of them jobs) held for <see cref="Duration"/> with a short job-key retention, so that Redis memory
/// reaches its plateau well inside the run (the settings PERF_SOAK_RATE, PERF_SOAK_MINUTES and PERF_SOAK_RETENTION_S).
/// </summary>
public sealed record SoakPlan(double ArrivalRate, TimeSpan Duration, int RetentionSeconds)
{
    /// <summary>
    /// A ramp from a tenth of the rate before the measured phase, as the 1k profile warms up: a cold API and workers
    /// hit at once with the full rate fall behind and never catch up. Not part of the fit; its samples are kept.
    /// </summary>
    public static readonly TimeSpan Ramp = TimeSpan.FromSeconds(60);

    public const double RampStartShare = 0.1;

    /// <summary>The fit starts this many retention windows into the run: the first keys expire after one, the level settles in the next.</summary>
    public const int SettleWindows = 2;

    public TimeSpan FitFrom => TimeSpan.FromSeconds(SettleWindows * RetentionSeconds);
}
