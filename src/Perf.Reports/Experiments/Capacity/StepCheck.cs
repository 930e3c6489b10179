namespace Perf.Reports.Experiments.Capacity;

/// <summary>What a capacity step checks. <see cref="Generator"/> is about the measurement, the others about the system.</summary>
public enum StepCheck
{
    Generator,
    HttpP99,
    ErrorRate,
    JobP99,
    QueueGrowth,
}
