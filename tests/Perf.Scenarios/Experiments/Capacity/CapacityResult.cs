namespace Perf.Scenarios.Experiments.Capacity;

/// <summary>
/// A finished capacity search. <see cref="MaxSustainableRate"/> is the highest sustained rate, and a capacity only when
/// <see cref="Outcome"/> is <see cref="CapacityOutcome.Bracketed"/>; otherwise it is a lower bound (or null).
/// </summary>
public sealed record CapacityResult(CapacityOutcome Outcome, CapacityPlan Plan, IReadOnlyList<CapacityStep> Steps)
{
    public CapacityStep? LastSustained => Steps.Where(s => s.Outcome == StepOutcome.Sustained).MaxBy(s => s.TargetRate);

    /// <summary>The lowest rate that broke (the upper end of the bracket).</summary>
    public CapacityStep? FirstBroken => Steps.Where(s => s.Outcome == StepOutcome.Broke).MinBy(s => s.TargetRate);

    public CapacityStep? GeneratorBehindAt => Steps.FirstOrDefault(s => s.Outcome == StepOutcome.GeneratorBehind);

    public double? MaxSustainableRate => LastSustained?.TargetRate;

    public bool IsCapacity => Outcome == CapacityOutcome.Bracketed;
}
