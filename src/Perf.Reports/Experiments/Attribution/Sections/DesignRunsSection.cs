using System.Text;

namespace Perf.Reports.Experiments.Attribution.Sections;

/// <summary>One row per run of the design: each knob's level and the run's headline numbers.</summary>
internal sealed class DesignRunsSection : IReportSection<AttributionReportContext>
{
    public void Write(AttributionReportContext context, StringBuilder md)
    {
        var result = context.Result;
        var runs = new MarkdownTable(["run", .. result.Design.Knobs.Select(k => k.ToString()), "sustained rate /s", "achieved /s", "HTTP p99",
            "errors %", "job p95", "jobs accepted", "lost", "wall s"]) { LeftColumns = 1 + result.Design.Knobs.Count };
        foreach (var r in result.Runs)
        {
            runs.Row([r.Run.Name, .. result.Design.Knobs.Select(k => r.Run.Levels[k] ? "+" : "−"), NumberText.F(r.SustainedRate, "0"), NumberText.F(r.AchievedRate),
                NumberText.Ms(r.TotalHttpP99Ms), NumberText.F(r.TotalErrorRatePercent, "0.00"), NumberText.Ms(r.JobP95Ms), NumberText.F(r.JobsAccepted), NumberText.F(r.JobsLost),
                NumberText.F(r.WallSeconds, "0")]);
        }

        runs.WriteTo(md);
    }
}
