namespace Perf.Reports.Experiments.Capacity;

public enum StepOutcome
{
    /// <summary>Every SLO held, the generator kept its schedule and the backlog did not grow.</summary>
    Sustained,

    /// <summary>The system broke at least one check while the generator kept its schedule.</summary>
    Broke,

    /// <summary>The generator fell behind its schedule: the step says nothing about the system.</summary>
    GeneratorBehind,
}
