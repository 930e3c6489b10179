namespace Perf.Scenarios.Experiments.Capacity;

/// <summary>
/// Steps the arrival rate up geometrically until a step breaks, then bisects between the last sustained and the first
/// broken rate until they are within the plan's resolution. The broken end of the final bracket is run a second time
/// before it counts: on a shared machine one stalled step can break any rate, and the bracket must not rest on it. A step
/// where the generator fell behind ends the search: the result then says so and gives a lower bound, never a capacity.
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
            if (step.Outcome == StepOutcome.GeneratorBehind)
            {
                return new CapacityResult(CapacityOutcome.GeneratorLimited, plan, steps);
            }

            // Recomputed from every step, so a broken rate that later sustained no longer bounds the bracket.
            var sustained = steps.Where(s => s.Outcome == StepOutcome.Sustained).Select(s => (double?)s.TargetRate).Max();
            var broken = steps.Where(s => s.Outcome == StepOutcome.Broke && s.TargetRate > (sustained ?? 0)).Select(s => (double?)s.TargetRate).Min();
            if (broken is null)
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
                    return new CapacityResult(CapacityOutcome.BelowFloor, plan, steps);
                }

                rate = Round(Math.Max(rate / plan.GrowthFactor, plan.MinRate));
            }
            else if ((broken.Value - sustained.Value) / sustained.Value <= plan.Resolution)
            {
                if (steps.Count(s => s.TargetRate == broken.Value && s.Outcome == StepOutcome.Broke) >= 2)
                {
                    return new CapacityResult(CapacityOutcome.Bracketed, plan, steps);
                }

                rate = broken.Value;
                log($"confirming the broken end of the bracket: {rate:0.#}/s once more");
            }
            else
            {
                rate = Round((sustained.Value + broken.Value) / 2);
            }
        }

        return new CapacityResult(CapacityOutcome.OutOfSteps, plan, steps);
    }

    private static double Round(double rate) => Math.Round(rate, rate < 100 ? 1 : 0);
}
