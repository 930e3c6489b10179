using Perf.Model;

namespace Perf.Reports.Comparison.Sections;

/// <summary>A table row with one cell per side read from its configuration run; a side without one has "not recorded".</summary>
internal static class SideRows
{
    public static void Row(MarkdownTable table, ComparisonSide baseline, ComparisonSide optimized, string name, Func<ConfigurationRunReport, string?> value) =>
        table.Row(name, Cell(baseline, value), Cell(optimized, value));

    private static string Cell(ComparisonSide side, Func<ConfigurationRunReport, string?> value) =>
        side.Report is { } report ? value(report) ?? NumberText.NotAvailable : NumberText.NotRecorded;
}
