namespace Perf.Reports.Comparison;

/// <summary>
/// The report's last section: the files behind each side (paths relative to the Markdown, or the inputs a command was
/// given) and how to produce the report again.
/// </summary>
/// <param name="Evidence">One line per side, e.g. "baseline (this run): `comparison-results/report-baseline-smoke.json`, …".</param>
/// <param name="Reproduce">The sentence before the command, e.g. where the README describes it.</param>
/// <param name="Command">The shell command that produces the report again.</param>
public sealed record ReportProvenance(IReadOnlyList<string> Evidence, string Reproduce, string Command);
