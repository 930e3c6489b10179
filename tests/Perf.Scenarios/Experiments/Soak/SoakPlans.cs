using Perf.Engine.Profiles;
using Perf.Fixtures.Settings;
using Perf.Reports.Experiments.Soak;

namespace Perf.Scenarios.Experiments.Soak;

/// <summary>The soak plan from the settings (section Soak of <see cref="PerfSettings"/>) and the profile's sustained rate.</summary>
public static class SoakPlans
{
    public static SoakPlan From(SoakSettings settings, LoadProfile template)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(template);
        var sustained = template.Phases.Max(p => Math.Max(p.ArrivalRate, p.EndRate));
        var plan = new SoakPlan(settings.Rate ?? sustained, TimeSpan.FromMinutes(settings.Minutes), settings.RetentionSeconds);
        return plan.FitFrom < plan.Duration - TimeSpan.FromMinutes(1)
            ? plan
            : throw new PerfSettingsException(
                $"PERF_SOAK_MINUTES (Soak:Minutes)={plan.Duration.TotalMinutes} leaves less than a minute after {SoakPlan.SettleWindows} retention windows " +
                $"of PERF_SOAK_RETENTION_S (Soak:RetentionSeconds)={plan.RetentionSeconds}: the plateau could not be fitted.");
    }
}
