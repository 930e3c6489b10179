using System.Text;

namespace Perf.Reports.Comparison.Sections;

/// <summary>The files behind each side and the command that produces the report again.</summary>
internal sealed class ArtifactsSection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var provenance = context.Provenance;
        md.AppendLine("## Artifacts and how to reproduce").AppendLine();
        md.AppendLine("The evidence behind this comparison, relative to this file:").AppendLine();
        foreach (var line in provenance.Evidence)
        {
            md.AppendLine($"- {line}");
        }

        md.AppendLine().AppendLine(provenance.Reproduce).AppendLine();
        md.AppendLine("```bash");
        md.AppendLine(provenance.Command);
        md.AppendLine("```");
    }
}
