using System.Text;

namespace Perf.Reports.Comparison.Sections;

/// <summary>The charts, already saved beside the Markdown, and why any could not be drawn.</summary>
internal sealed class ChartsSection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var charts = context.Charts;
        md.AppendLine("## Charts").AppendLine();
        foreach (var chart in charts.Charts)
        {
            md.AppendLine($"### {chart.Title}").AppendLine().AppendLine($"![{chart.Title}]({chart.RelativePath})").AppendLine();
        }

        foreach (var problem in charts.Problems)
        {
            md.AppendLine($"- {problem}");
        }

        if (charts.Problems.Count > 0)
        {
            md.AppendLine();
        }
    }
}
