using System.Text;

namespace Perf.Reports.Experiments.Capacity.Sections;

/// <summary>How the search stepped, what "sustains" meant, what one step is, the configuration searched and the wall time.</summary>
internal sealed class CapacitySearchSection : IReportSection<CapacityReportContext>
{
    public void Write(CapacityReportContext context, StringBuilder md)
    {
        var report = context.Report;
        var settings = report.Settings;
        md.AppendLine("## How it was searched").AppendLine();
        md.AppendLine($"- Plan: {report.Result.Plan.Describe()}.");
        md.AppendLine($"- Sustains = {report.Criteria.Describe()}.");
        md.AppendLine($"- Each step is one constant-rate phase of profile `{report.ProfileName}`'s scenario mix on one environment; the queue " +
                      "is drained before each step; the backlog is sampled every 0.5 s and its first and last quarter compared; job " +
                      "latency is that of the jobs stored during the step.");
        md.AppendLine($"- Configuration: {settings.WorkerCount} worker(s) × concurrency {settings.WorkerConcurrency}, " +
                      $"downstream wait {settings.SimulatedDownstreamMs} ms, Redis {(settings.RedisConfigFile is null ? "defaults" : Path.GetFileName(settings.RedisConfigFile))}, " +
                      $"{settings.RedisPoolSize} API Redis connection(s), backpressure {(settings.BackpressureEnabled ? $"on (max lag {settings.BackpressureMaxLag})" : "off")}, " +
                      $"store {settings.Store}, {settings.Network} network.");
        md.AppendLine($"- Wall time of the search: {NumberText.F(report.Context.WallSeconds, "0")} s ({report.Result.Steps.Count} steps).").AppendLine();
    }
}
