namespace Perf.Reports.Experiments.Capacity;

public enum CapacityOutcome
{
    /// <summary>A sustained and a broken rate within the resolution: the capacity is the sustained one.</summary>
    Bracketed,

    /// <summary>The generator fell behind before the system broke: no capacity, only a lower bound.</summary>
    GeneratorLimited,

    /// <summary>Every rate up to the plan's ceiling was sustained: the capacity is above it.</summary>
    AboveCeiling,

    /// <summary>Even the lowest rate tried broke.</summary>
    BelowFloor,

    /// <summary>The step budget ran out before the bracket reached the resolution.</summary>
    OutOfSteps,
}
