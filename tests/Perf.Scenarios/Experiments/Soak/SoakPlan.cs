using Perf.Engine.Profiles;
using Perf.Fixtures.Settings;

namespace Perf.Scenarios.Experiments.Soak;

/// <summary>
/// The soak benchmark's settings: the profile's sustained arrival rate (its fastest phase: 1,000 arrivals/s of the 1k
/// profile, about 750 of them jobs) held for <see cref="Duration"/> with a short job-key retention, so that Redis memory
/// reaches its plateau well inside the run. PERF_SOAK_RATE, PERF_SOAK_MINUTES and PERF_SOAK_RETENTION_S override them.
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

    public static SoakPlan From(SoakSettings settings, LoadProfile template)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(template);
        var sustained = template.Phases.Max(p => Math.Max(p.ArrivalRate, p.EndRate));
        var plan = new SoakPlan(settings.Rate ?? sustained, TimeSpan.FromMinutes(settings.Minutes), settings.RetentionSeconds);
        return plan.FitFrom < plan.Duration - TimeSpan.FromMinutes(1)
            ? plan
            : throw new PerfSettingsException(
                $"PERF_SOAK_MINUTES (Soak:Minutes)={plan.Duration.TotalMinutes} leaves less than a minute after {SettleWindows} retention windows " +
                $"of PERF_SOAK_RETENTION_S (Soak:RetentionSeconds)={plan.RetentionSeconds}: the plateau could not be fitted.");
    }
}
