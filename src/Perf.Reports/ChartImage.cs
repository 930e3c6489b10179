namespace Perf.Reports;

/// <summary>One rendered chart: its title, the PNG's full path and its link relative to the Markdown.</summary>
public sealed record ChartImage(string Title, string FullPath, string RelativePath);
