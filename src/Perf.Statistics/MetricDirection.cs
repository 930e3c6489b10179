namespace Perf.Statistics;

/// <summary>Which direction of a metric's change is an improvement; <see cref="Neither"/> for plain volumes.</summary>
public enum MetricDirection
{
    LowerIsBetter,
    HigherIsBetter,
    Neither,
}
