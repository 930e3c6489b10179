using System.Text;

namespace Perf.Reports.Experiments.Scaling.Sections;

/// <summary>How each point was measured (a backlog drained by N workers) and the points, with their share of the I/O ceiling and the fit.</summary>
internal sealed class ScalingPointsSection : IReportSection<ScalingReportContext>
{
    public void Write(ScalingReportContext context, StringBuilder md)
    {
        var result = context.Result;
        md.AppendLine("## How it was measured").AppendLine();
        var first = result.Points[0];
        md.AppendLine($"Each point is a fresh environment with N workers (concurrency {first.Concurrency}, downstream wait {first.DownstreamMs} ms, " +
                      "Redis defaults, no backpressure). The workers are stopped while the API fills the queue, then started again; the " +
                      "throughput is the drain rate between 10 % and 90 % of the backlog drained, so the queue is never empty while it is measured " +
                      "and the API is idle. Host CPU is measured over the same window.").AppendLine();
        var table = new MarkdownTable("workers", "backlog", "jobs measured", "window s", "jobs/s", "per worker", "I/O ceiling /s", "share of ceiling", "host CPU %", "fit /s", "wall s");
        foreach (var p in result.Points)
        {
            table.Row(NumberText.F(p.Workers), NumberText.F(p.Backlog), NumberText.F(p.JobsMeasured), NumberText.F(p.MeasuredSeconds, "0.00"), NumberText.F(p.JobsPerSecond),
                NumberText.F(p.JobsPerSecond / p.Workers), NumberText.F(p.IoCeiling, "0"), NumberText.F(100 * p.JobsPerSecond / p.IoCeiling, "0") + " %",
                NumberText.F(p.HostCpuPercent, "0"), NumberText.F(result.Fit?.Throughput(p.Workers)), NumberText.F(p.WallSeconds, "0"));
        }

        table.WriteTo(md);
    }
}
