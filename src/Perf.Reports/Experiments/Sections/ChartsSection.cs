using System.Text;

namespace Perf.Reports.Experiments.Sections;

/// <summary>The report's charts under one heading, or for each chart that could not be drawn, why not.</summary>
internal sealed class ChartsSection(string heading) : IReportSection<IExperimentReportContext>
{
    public void Write(IExperimentReportContext context, StringBuilder md)
    {
        md.AppendLine($"## {heading}").AppendLine();
        foreach (var chart in context.Charts)
        {
            md.AppendLine($"![{chart.Title}]({chart.RelativePath})").AppendLine();
        }

        foreach (var problem in context.ChartProblems)
        {
            md.AppendLine($"- Chart not drawn: {problem}").AppendLine();
        }
    }
}
