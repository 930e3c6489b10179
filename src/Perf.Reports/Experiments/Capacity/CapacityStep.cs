namespace Perf.Reports.Experiments.Capacity;

/// <summary>One step of a capacity search: the rate tried, what was measured, and the verdict with every breach.</summary>
public sealed record CapacityStep(int Index, StepMeasurement Measured, StepOutcome Outcome, IReadOnlyList<StepBreach> Breaches, double WallSeconds)
{
    public double TargetRate => Measured.TargetRate;
}
