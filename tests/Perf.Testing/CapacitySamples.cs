using Perf.Reports.Experiments.Capacity;

namespace Perf.Testing;

/// <summary>Capacity searches with known answers, for the tests of what reads them (the findings, the comparison's citation).</summary>
public static class CapacitySamples
{
    /// <summary>
    /// A bracketed search of two steps: <paramref name="sustained"/> held, <paramref name="broken"/> failed
    /// <paramref name="failure"/> (a queue-growth failure says its backlog grew from 0 to 900 jobs).
    /// </summary>
    public static CapacityResult TwoSteps(double sustained, double broken, StepCheck failure)
    {
        var plan = new CapacityPlan { StartRate = 100, MaxRate = 3000, StepDuration = TimeSpan.FromSeconds(15) };
        CapacityStep Step(int index, double rate, bool ok) => new(index, new StepMeasurement
        {
            TargetRate = rate, AchievedRate = rate, StartedArrivals = 100, LateArrivals = 0, LatenessP99Ms = 0.2, Requests = 150,
            HttpP50Ms = 1, HttpP95Ms = 3, HttpP99Ms = ok ? 8 : 40, ErrorRatePercent = 0, JobP99Ms = 90, JobSamples = 75, JobsAccepted = 75,
            BacklogAtStart = 0, BacklogAtEnd = ok ? 0 : 900,
        }, ok ? StepOutcome.Sustained : failure == StepCheck.Generator ? StepOutcome.GeneratorBehind : StepOutcome.Broke,
            ok ? [] : [new StepBreach(failure, failure == StepCheck.QueueGrowth ? "backlog grew from 0 to 900 jobs (allowed growth 30)" : "error rate 4.00 %")], 15);
        return new CapacityResult(CapacityOutcome.Bracketed, plan, [Step(0, sustained, true), Step(1, broken, false)]);
    }
}
