using System.Globalization;
using Perf.Engine.Profiles;
using Perf.Engine.Reporting;
using Perf.Model.Accounting;

namespace Perf.Scenarios.Running;

/// <summary>
/// Every check a perf test makes, evaluated at once so that one failure message lists every breach with its
/// measured and allowed value: the profile's thresholds, the arrival rate the generator achieved per phase,
/// and job conservation (nothing lost, nothing counted twice).
/// </summary>
public static class RunVerdict
{
    public static IReadOnlyList<string> Breaches(RunReport load, JobAccounting jobs, double minRateRatio)
    {
        var breaches = new List<string>();
        if (load.Thresholds is { } thresholds)
        {
            breaches.AddRange(thresholds.Breaches.Select(b => b.ToString()));
        }

        foreach (var phase in load.Phases.Where(p => p.TargetRate > 0))
        {
            if (phase.AchievedRate < phase.TargetRate * minRateRatio)
            {
                breaches.Add(string.Create(CultureInfo.InvariantCulture,
                    $"phase '{phase.Name}': achieved {phase.AchievedRate:0.0} arrivals/s, allowed >= {phase.TargetRate * minRateRatio:0.0} " +
                    $"({minRateRatio:P0} of target {phase.TargetRate:0.0}/s): the generator fell behind, so its latencies cannot be trusted"));
            }
        }

        if (jobs.Lost != 0)
        {
            breaches.Add($"jobs lost: measured {jobs.Lost}, allowed 0 (accepted {jobs.Accepted}, processed {jobs.Processed}, " +
                         $"dead-lettered {jobs.DeadLettered}, still queued {jobs.StillQueued})");
        }

        if (jobs.Processed + jobs.DeadLettered > jobs.Accepted)
        {
            breaches.Add($"jobs counted twice: processed {jobs.Processed} + dead-lettered {jobs.DeadLettered} > accepted {jobs.Accepted}");
        }

        if (load.Cancelled)
        {
            breaches.Add("the run was cancelled before its schedule ended");
        }

        return breaches;
    }

    /// <summary>
    /// The id audit's breaches (lost, double, unknown ids, a queue that did not drain) and every reason it could not
    /// run in full. The SUT's counters are a second opinion and their disagreement is reported, not judged.
    /// </summary>
    public static IReadOnlyList<string> AuditBreaches(JobAudit? audit, IReadOnlyList<string> problems) =>
        [.. problems, .. audit?.Breaches() ?? []];

    public static string Describe(LoadProfile profile) => string.Create(CultureInfo.InvariantCulture,
        $"profile '{profile.Name}' ({profile.TotalDuration.TotalSeconds:0} s, time scale {profile.TimeScale}, target {profile.Target})");
}
