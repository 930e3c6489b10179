namespace Perf.Reports.Comparison;

/// <summary>The charts that were rendered and, for each one that was not, why; the report prints both.</summary>
public sealed record ChartSet(IReadOnlyList<ChartImage> Charts, IReadOnlyList<string> Problems)
{
    public static ChartSet Failed(string reason) => new([], [reason]);
}
