using System.Text;

namespace Perf.Reports.Experiments.Attribution.Sections;

/// <summary>The design: its name, how many runs, the profile and time scale, and each knob's low and high level.</summary>
internal sealed class DesignSection : IReportSection<AttributionReportContext>
{
    public void Write(AttributionReportContext context, StringBuilder md)
    {
        var result = context.Result;
        md.AppendLine("## Design").AppendLine();
        md.AppendLine($"{result.Design.Name}: {result.Runs.Count} runs, each in a fresh environment, profile `{result.ProfileName}` at time scale " +
                      $"{NumberText.F(result.TimeScale, "0.###")}. Knobs (low → high): " +
                      string.Join("; ", context.KnobLevels) + ".").AppendLine();
    }
}
