using Perf.Reports.Experiments.Capacity;

namespace Perf.Scenarios.Experiments.Capacity;

/// <summary>
/// Steps the arrival rate up geometrically until a step fails, then bisects between the last sustained and the lowest
/// failed rate until they are within the plan's resolution. A step fails when the system broke or when the generator
/// fell behind its schedule; a rate the generator could not drive bounds the search from above like a broken one, so an
/// overshooting step-up does not end it, and the system's own limit below is still found. The failed end of the final
/// bracket is run a second time before it counts (on a shared machine one stalled step can fail any rate); when it failed
/// because of the generator, the result says so and gives a lower bound, never a capacity.
/// </summary>
public static class CapacitySearch
{
    public static async Task<CapacityResult> RunAsync(CapacityPlan plan, Func<int, double, CancellationToken, Task<CapacityStep>> runStep,
        Action<string> log, CancellationToken ct)
    {
        plan.Validate();
        var steps = new List<CapacityStep>();
        var rate = plan.StartRate;
        while (steps.Count < plan.MaxSteps)
        {
            var step = await runStep(steps.Count, rate, ct).ConfigureAwait(false);
            steps.Add(step);
            log($"step {steps.Count}/{plan.ExpectedSteps()} at {rate:0.#}/s: {step.Outcome}" +
                (step.Breaches.Count > 0 ? " — " + string.Join("; ", step.Breaches.Select(b => b.Message)) : ""));

            // Recomputed from every step, so a failed rate that later sustained no longer bounds the bracket.
            var sustained = steps.Where(s => s.Outcome == StepOutcome.Sustained).Select(s => (double?)s.TargetRate).Max();
            var failed = steps.Where(s => s.Outcome != StepOutcome.Sustained && s.TargetRate > (sustained ?? 0)).Select(s => (double?)s.TargetRate).Min();
            if (failed is null)
            {
                if (rate >= plan.MaxRate)
                {
                    return new CapacityResult(CapacityOutcome.AboveCeiling, plan, steps);
                }

                rate = Round(Math.Min(Math.Max(rate, sustained ?? 0) * plan.GrowthFactor, plan.MaxRate));
            }
            else if (sustained is null)
            {
                if (rate <= plan.MinRate)
                {
                    return new CapacityResult(LastAt(steps, rate) == StepOutcome.GeneratorBehind ? CapacityOutcome.GeneratorLimited : CapacityOutcome.BelowFloor, plan, steps);
                }

                rate = Round(Math.Max(rate / plan.GrowthFactor, plan.MinRate));
            }
            else if ((failed.Value - sustained.Value) / sustained.Value <= plan.Resolution)
            {
                if (steps.Count(s => s.TargetRate == failed.Value && s.Outcome != StepOutcome.Sustained) >= 2)
                {
                    return new CapacityResult(LastAt(steps, failed.Value) == StepOutcome.GeneratorBehind ? CapacityOutcome.GeneratorLimited : CapacityOutcome.Bracketed,
                        plan, steps);
                }

                rate = failed.Value;
                log($"confirming the failed end of the bracket: {rate:0.#}/s once more");
            }
            else
            {
                rate = Round((sustained.Value + failed.Value) / 2);
            }
        }

        return new CapacityResult(CapacityOutcome.OutOfSteps, plan, steps);
    }

    private static StepOutcome LastAt(IEnumerable<CapacityStep> steps, double rate) => steps.Last(s => s.TargetRate == rate).Outcome;

    private static double Round(double rate) => Math.Round(rate, rate < 100 ? 1 : 0);
}
