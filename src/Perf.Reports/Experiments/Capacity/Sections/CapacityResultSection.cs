using System.Text;

namespace Perf.Reports.Experiments.Capacity.Sections;

/// <summary>The capacity with its bracket (<see cref="CapacityMarkdown.Headline"/>), what broke first, and where the generator fell behind.</summary>
internal sealed class CapacityResultSection : IReportSection<CapacityReportContext>
{
    public void Write(CapacityReportContext context, StringBuilder md)
    {
        var result = context.Report.Result;
        md.AppendLine("## Result").AppendLine();
        md.AppendLine(CapacityMarkdown.Headline(context.Report)).AppendLine();
        if (result.FirstBroken is { } broken)
        {
            md.AppendLine($"What broke first at {NumberText.F(broken.TargetRate, "0.#")}/s:").AppendLine();
            foreach (var breach in broken.Breaches)
            {
                md.AppendLine($"- **{breach.Check}**: {breach.Message}");
            }

            md.AppendLine();
        }

        if (result.GeneratorBehindAt is { } behind)
        {
            md.AppendLine($"The generator fell behind at {NumberText.F(behind.TargetRate, "0.#")}/s: " +
                          string.Join("; ", behind.Breaches.Select(b => b.Message)) + ".").AppendLine();
        }
    }
}
