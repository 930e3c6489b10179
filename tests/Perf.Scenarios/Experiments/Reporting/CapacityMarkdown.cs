using System.Text;
using Perf.Scenarios.Experiments.Capacity;

namespace Perf.Scenarios.Experiments.Reporting;

/// <summary>CAPACITY_&lt;config&gt;.md: the maximum sustainable rate with its bracket, what broke first, every step, the chart.</summary>
public static class CapacityMarkdown
{
    public static string Render(CapacityReport report, ChartImage? chart, string? chartProblem)
    {
        var md = new StringBuilder();
        var result = report.Result;
        md.AppendLine($"# Capacity of `{report.Configuration}`").AppendLine();
        report.Context.WriteTo(md);
        md.AppendLine("## Result").AppendLine();
        md.AppendLine(Headline(report)).AppendLine();
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

        md.AppendLine("## How it was searched").AppendLine();
        md.AppendLine($"- Plan: {result.Plan.Describe()}.");
        md.AppendLine($"- Sustains = {report.Criteria.Describe()}.");
        md.AppendLine($"- Each step is one constant-rate phase of profile `{report.ProfileName}`'s scenario mix on one environment; the queue " +
                      "is drained before each step; the backlog is sampled every 0.5 s and its first and last quarter compared; job " +
                      "latency is that of the jobs stored during the step.");
        md.AppendLine($"- Configuration: {report.Settings.WorkerCount} worker(s) × concurrency {report.Settings.WorkerConcurrency}, " +
                      $"downstream wait {report.Settings.SimulatedDownstreamMs} ms, Redis {(report.Settings.RedisConfigFile is null ? "defaults" : Path.GetFileName(report.Settings.RedisConfigFile))}, " +
                      $"{report.Settings.RedisPoolSize} API Redis connection(s), backpressure {(report.Settings.BackpressureEnabled ? $"on (max lag {report.Settings.BackpressureMaxLag})" : "off")}, " +
                      $"store {report.Settings.Store}, {report.Settings.Network} network.");
        md.AppendLine($"- Wall time of the search: {NumberText.F(report.Context.WallSeconds, "0")} s ({result.Steps.Count} steps).").AppendLine();

        md.AppendLine("## Steps").AppendLine();
        var table = new MarkdownTable("#", "target /s", "achieved /s", "late %", "HTTP p50", "HTTP p95", "HTTP p99", "errors %", "503",
            "job p99", "backlog start → end", "host CPU %", "outcome", "breaches") { LeftColumns = 1 };
        foreach (var step in result.Steps)
        {
            var m = step.Measured;
            table.Row((step.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), NumberText.F(m.TargetRate, "0.#"), NumberText.F(m.AchievedRate, "0.#"),
                NumberText.F(m.LateSharePercent, "0.0"), NumberText.Ms(m.HttpP50Ms), NumberText.Ms(m.HttpP95Ms), NumberText.Ms(m.HttpP99Ms), NumberText.F(m.ErrorRatePercent, "0.00"),
                NumberText.F(m.Status503), NumberText.Ms(m.JobP99Ms), $"{NumberText.F(m.BacklogAtStart, "0")} → {NumberText.F(m.BacklogAtEnd, "0")}", NumberText.F(m.HostCpuPercent, "0"),
                step.Outcome.ToString(), step.Breaches.Count == 0 ? "–" : string.Join("; ", step.Breaches.Select(b => b.Message)));
        }

        table.WriteTo(md);
        md.AppendLine("## Latency against rate").AppendLine();
        if (chart is not null)
        {
            md.AppendLine($"![{chart.Title}]({chart.RelativePath})").AppendLine();
        }
        else
        {
            md.AppendLine($"- Chart not drawn: {chartProblem}").AppendLine();
        }

        return md.ToString();
    }

    /// <summary>One sentence: the capacity with its bracket, or why there is none.</summary>
    public static string Headline(CapacityReport report)
    {
        var r = report.Result;
        var sustained = r.LastSustained is { } s ? NumberText.F(s.TargetRate, "0.#") + "/s" : NumberText.NotAvailable;
        var broken = r.FirstBroken is { } b ? NumberText.F(b.TargetRate, "0.#") + "/s" : NumberText.NotAvailable;
        return r.Outcome switch
        {
            CapacityOutcome.Bracketed => $"**`{report.Configuration}` sustains {sustained}** (bracket: {sustained} sustained, {broken} broke; " +
                                         $"within {r.Plan.Resolution:P0}).",
            CapacityOutcome.GeneratorLimited => $"**No capacity: the generator was the limit.** `{report.Configuration}` sustained {sustained}; " +
                                                $"at {NumberText.F(r.GeneratorBehindAt!.TargetRate, "0.#")}/s the generator fell behind its schedule, so " +
                                                "that step says nothing about the system. The capacity is at least the sustained rate.",
            CapacityOutcome.AboveCeiling => $"**`{report.Configuration}` sustained every rate up to the search ceiling {sustained}**: its capacity is above it.",
            CapacityOutcome.BelowFloor => $"**`{report.Configuration}` broke at every rate tried**, down to {broken}.",
            _ => $"**The step budget ran out** with bracket {sustained} sustained, {broken} broke (wider than {r.Plan.Resolution:P0}).",
        };
    }
}
