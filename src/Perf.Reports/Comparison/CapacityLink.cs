namespace Perf.Reports.Comparison;

/// <summary>One configuration's capacity search: its report is experiments/CAPACITY_&lt;configuration&gt;.md.</summary>
public sealed record CapacityLink(string Configuration, DateTimeOffset SearchedAt);
