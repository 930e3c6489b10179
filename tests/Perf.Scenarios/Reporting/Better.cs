namespace Perf.Scenarios.Reporting;

/// <summary>Which direction of a metric's change is an improvement; <see cref="Neither"/> for plain volumes.</summary>
public enum Better
{
    Lower,
    Higher,
    Neither,
}
