namespace Perf.Reports.Comparison;

/// <summary>The attribution experiment's design and profile: its report is experiments/ATTRIBUTION_&lt;profile&gt;.md.</summary>
public sealed record AttributionLink(string DesignName, string ProfileName);
