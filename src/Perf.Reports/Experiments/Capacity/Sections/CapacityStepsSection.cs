using System.Globalization;
using System.Text;

namespace Perf.Reports.Experiments.Capacity.Sections;

/// <summary>Every step in the order it ran: the rate tried, what was measured, the outcome and its breaches.</summary>
internal sealed class CapacityStepsSection : IReportSection<CapacityReportContext>
{
    public void Write(CapacityReportContext context, StringBuilder md)
    {
        md.AppendLine("## Steps").AppendLine();
        var table = new MarkdownTable("#", "target /s", "achieved /s", "late %", "HTTP p50", "HTTP p95", "HTTP p99", "errors %", "503",
            "job p99", "backlog start → end", "host CPU %", "outcome", "breaches") { LeftColumns = 1 };
        foreach (var step in context.Report.Result.Steps)
        {
            var m = step.Measured;
            table.Row((step.Index + 1).ToString(CultureInfo.InvariantCulture), NumberText.F(m.TargetRate, "0.#"), NumberText.F(m.AchievedRate, "0.#"),
                NumberText.F(m.LateSharePercent, "0.0"), NumberText.Ms(m.HttpP50Ms), NumberText.Ms(m.HttpP95Ms), NumberText.Ms(m.HttpP99Ms), NumberText.F(m.ErrorRatePercent, "0.00"),
                NumberText.F(m.Status503), NumberText.Ms(m.JobP99Ms), $"{NumberText.F(m.BacklogAtStart, "0")} → {NumberText.F(m.BacklogAtEnd, "0")}", NumberText.F(m.HostCpuPercent, "0"),
                step.Outcome.ToString(), step.Breaches.Count == 0 ? "–" : string.Join("; ", step.Breaches.Select(b => b.Message)));
        }

        table.WriteTo(md);
    }
}
