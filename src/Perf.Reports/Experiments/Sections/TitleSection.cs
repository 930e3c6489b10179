using System.Text;

namespace Perf.Reports.Experiments.Sections;

/// <summary>The report's title.</summary>
internal sealed class TitleSection : IReportSection<IExperimentReportContext>
{
    public void Write(IExperimentReportContext context, StringBuilder md) => md.AppendLine($"# {context.Title}").AppendLine();
}
