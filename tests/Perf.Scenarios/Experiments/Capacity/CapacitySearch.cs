namespace Perf.Scenarios.Experiments.Capacity;

/// <summary>
/// Steps the arrival rate up geometrically until a step breaks, then bisects between the last sustained and the first
/// broken rate until they are within the plan's resolution. A step where the generator fell behind ends the search:
/// the result then says so and gives a lower bound, never a capacity.
/// </summary>
public static class CapacitySearch
{
    public static async Task<CapacityResult> RunAsync(CapacityPlan plan, Func<int, double, CancellationToken, Task<CapacityStep>> runStep,
        Action<string> log, CancellationToken ct)
    {
        plan.Validate();
        var steps = new List<CapacityStep>();
        double? sustained = null, broken = null;
        var rate = plan.StartRate;
        while (steps.Count < plan.MaxSteps)
        {
            var step = await runStep(steps.Count, rate, ct).ConfigureAwait(false);
            steps.Add(step);
            log($"step {steps.Count}/{plan.ExpectedSteps()} at {rate:0.#}/s: {step.Outcome}" +
                (step.Breaches.Count > 0 ? " — " + string.Join("; ", step.Breaches.Select(b => b.Message)) : ""));
            switch (step.Outcome)
            {
                case StepOutcome.GeneratorBehind:
                    return new CapacityResult(CapacityOutcome.GeneratorLimited, plan, steps);
                case StepOutcome.Sustained:
                    sustained = Math.Max(sustained ?? 0, rate);
                    break;
                default:
                    broken = Math.Min(broken ?? double.MaxValue, rate);
                    break;
            }

            if (broken is null)
            {
                if (rate >= plan.MaxRate)
                {
                    return new CapacityResult(CapacityOutcome.AboveCeiling, plan, steps);
                }

                rate = Round(Math.Min(rate * plan.GrowthFactor, plan.MaxRate));
            }
            else if (sustained is null)
            {
                if (rate <= plan.MinRate)
                {
                    return new CapacityResult(CapacityOutcome.BelowFloor, plan, steps);
                }

                rate = Round(Math.Max(rate / plan.GrowthFactor, plan.MinRate));
            }
            else
            {
                if ((broken.Value - sustained.Value) / sustained.Value <= plan.Resolution)
                {
                    return new CapacityResult(CapacityOutcome.Bracketed, plan, steps);
                }

                rate = Round((sustained.Value + broken.Value) / 2);
            }
        }

        return new CapacityResult(CapacityOutcome.OutOfSteps, plan, steps);
    }

    private static double Round(double rate) => Math.Round(rate, rate < 100 ? 1 : 0);
}
