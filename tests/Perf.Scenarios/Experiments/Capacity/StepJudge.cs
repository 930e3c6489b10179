using System.Globalization;
using Perf.Reports.Experiments.Capacity;

namespace Perf.Scenarios.Experiments.Capacity;

/// <summary>Judges one step against the criteria; every breach is listed, the generator's first.</summary>
public static class StepJudge
{
    public static (StepOutcome Outcome, IReadOnlyList<StepBreach> Breaches) Judge(StepMeasurement m, SustainCriteria c)
    {
        var breaches = new List<StepBreach>();
        void Add(StepCheck check, FormattableString message) => breaches.Add(new StepBreach(check, message.ToString(CultureInfo.InvariantCulture)));

        if (m.AchievedRate < m.TargetRate * c.MinAchievedRatio)
        {
            Add(StepCheck.Generator, $"generator achieved {m.AchievedRate:0.0}/s of {m.TargetRate:0.0}/s (< {c.MinAchievedRatio:P0})");
        }

        if (m.LateSharePercent > c.MaxLateSharePercent)
        {
            Add(StepCheck.Generator, $"generator started {m.LateSharePercent:0.0} % of arrivals late (> {c.MaxLateSharePercent:0.#} %, lateness p99 {m.LatenessP99Ms:0.0} ms)");
        }

        if (m.HttpP99Ms >= c.MaxHttpP99Ms)
        {
            Add(StepCheck.HttpP99, $"HTTP p99 {m.HttpP99Ms:0.0} ms (allowed < {c.MaxHttpP99Ms:0} ms)");
        }

        if (m.ErrorRatePercent > c.MaxErrorRatePercent)
        {
            var refused = m.Status503 > 0 ? $", {m.Status503} of them 503 (backpressure or Redis unavailable)" : "";
            Add(StepCheck.ErrorRate, $"error rate {m.ErrorRatePercent:0.00} % (allowed ≤ {c.MaxErrorRatePercent:0.##} %){refused}");
        }

        if (m.JobP99Ms is { } jobP99 && jobP99 >= c.MaxJobP99Ms)
        {
            Add(StepCheck.JobP99, $"job end-to-end p99 {jobP99:0} ms over {m.JobSamples} jobs (allowed < {c.MaxJobP99Ms:0} ms)");
        }
        else if (m.JobP99Ms is null && m.JobsAccepted > 0)
        {
            Add(StepCheck.JobP99, $"no job of the {m.JobsAccepted} accepted was stored during the step");
        }

        var allowance = c.BacklogAllowance(m.JobsAccepted, m.Slots);
        if (m.BacklogAtEnd - m.BacklogAtStart > allowance)
        {
            Add(StepCheck.QueueGrowth, $"backlog grew from {m.BacklogAtStart:0} to {m.BacklogAtEnd:0} jobs (allowed growth {allowance:0})");
        }

        var outcome = breaches.Any(b => b.Check == StepCheck.Generator)
            ? StepOutcome.GeneratorBehind
            : breaches.Count > 0 ? StepOutcome.Broke : StepOutcome.Sustained;
        return (outcome, breaches);
    }
}
