using System.Text;
using Perf.Scenarios.Experiments.Reporting;

namespace Perf.Scenarios.Reporting;

public static partial class ComparisonMarkdown
{
    /// <summary>Links the latest full experiment results (eng/run-experiments.sh) when there are any.</summary>
    private static void WriteExperiments(StringBuilder md, ExperimentFindings findings, string markdownDirectory)
    {
        if (findings.IsEmpty)
        {
            return;
        }

        md.AppendLine("## Capacity and attribution (experiments)").AppendLine();
        var link = Path.GetRelativePath(markdownDirectory, findings.Directory).Replace('\\', '/');
        if (findings.CapacitySentence() is { } sentence)
        {
            var when = string.Join(", ", findings.Capacities.Select(c => $"{c.Key} searched {NumberText.Time(c.Value.Context.StartedAt)}"));
            md.AppendLine($"Capacity search: **{sentence}** ({when}; " +
                          string.Join(", ", findings.Capacities.Keys.Select(k => $"[{k}]({link}/CAPACITY_{k}.md)")) + ").").AppendLine();
        }

        if (findings.Attribution is { } attribution)
        {
            md.AppendLine($"Attribution: [{attribution.Design.Name}, profile {attribution.ProfileName}]({link}/ATTRIBUTION_{attribution.ProfileName}.md).").AppendLine();
        }

        foreach (var problem in findings.Problems)
        {
            md.AppendLine($"- {problem}");
        }

        md.AppendLine("> These come from separate experiment runs, not from the runs compared above.").AppendLine();
    }
}
