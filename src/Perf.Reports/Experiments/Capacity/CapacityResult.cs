namespace Perf.Reports.Experiments.Capacity;

/// <summary>
/// A finished capacity search. <see cref="MaxSustainableRate"/> is the highest sustained rate, and a capacity only when
/// <see cref="Outcome"/> is <see cref="CapacityOutcome.Bracketed"/>; otherwise it is a lower bound (or null).
/// </summary>
public sealed record CapacityResult(CapacityOutcome Outcome, CapacityPlan Plan, IReadOnlyList<CapacityStep> Steps)
{
    public CapacityStep? LastSustained => Steps.Where(s => s.Outcome == StepOutcome.Sustained).MaxBy(s => s.TargetRate);

    /// <summary>The lowest rate above the last sustained one that broke (the upper end of the bracket); its last run when it was confirmed.</summary>
    public CapacityStep? FirstBroken => Steps.Where(s => s.Outcome == StepOutcome.Broke && s.TargetRate > (LastSustained?.TargetRate ?? 0))
        .OrderBy(s => s.TargetRate).ThenByDescending(s => s.Index).FirstOrDefault();

    /// <summary>The lowest rate above the last sustained one that the generator could not drive; its last run.</summary>
    public CapacityStep? GeneratorBehindAt => Steps.Where(s => s.Outcome == StepOutcome.GeneratorBehind && s.TargetRate > (LastSustained?.TargetRate ?? 0))
        .OrderBy(s => s.TargetRate).ThenByDescending(s => s.Index).FirstOrDefault();

    public double? MaxSustainableRate => LastSustained?.TargetRate;

    public bool IsCapacity => Outcome == CapacityOutcome.Bracketed;
}
