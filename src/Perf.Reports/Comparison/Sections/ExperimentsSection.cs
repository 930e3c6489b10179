using System.Text;

namespace Perf.Reports.Comparison.Sections;

/// <summary>Links to the latest full experiment results (eng/run-experiments.sh) when there are any.</summary>
internal sealed class ExperimentsSection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var findings = context.Experiments;
        var markdownDirectory = context.MarkdownDirectory;
        if (findings.IsEmpty)
        {
            return;
        }

        md.AppendLine("## Capacity and attribution (experiments)").AppendLine();
        var link = Path.GetRelativePath(markdownDirectory, findings.Directory).Replace('\\', '/');
        if (findings.CapacitySentence is { } sentence)
        {
            var when = string.Join(", ", findings.Capacities.Select(c => $"{c.Configuration} searched {NumberText.Time(c.SearchedAt)}"));
            md.AppendLine($"Capacity search: **{sentence}** ({when}; " +
                          string.Join(", ", findings.Capacities.Select(c => $"[{c.Configuration}]({link}/CAPACITY_{c.Configuration}.md)")) + ").").AppendLine();
        }

        if (findings.Attribution is { } attribution)
        {
            md.AppendLine($"Attribution: [{attribution.DesignName}, profile {attribution.ProfileName}]({link}/ATTRIBUTION_{attribution.ProfileName}.md).").AppendLine();
        }

        foreach (var problem in findings.Problems)
        {
            md.AppendLine($"- {problem}");
        }

        md.AppendLine("> These come from separate experiment runs, not from the runs compared above.").AppendLine();
    }
}
