using System.Text;
using Perf.Model.Settings;

namespace Perf.Reports.Comparison.Sections;

/// <summary>The machine, mode, job system and images of each side, and what did not run and why.</summary>
internal sealed class EnvironmentSection : IReportSection<ComparisonContext>
{
    /// <summary>What a side whose input is the load engine's report lacks, as "What did not run and why" lists it.</summary>
    public const string NotMeasuredByEngineReport =
        "host, container and Redis metrics, the configuration in force, job accounting and the job audit: not measured (the input is the load engine's report only)";

    public void Write(ComparisonContext context, StringBuilder md)
    {
        var (baseline, optimized) = (context.A, context.B);
        md.AppendLine("## Environment").AppendLine();
        var table = new MarkdownTable("", baseline.Name, optimized.Name) { LeftColumns = 3 };
        SideRows.Row(table, baseline, optimized, "host", r => r.Machine.HostName);
        SideRows.Row(table, baseline, optimized, "cores", r => r.Machine.Cores.ToString(System.Globalization.CultureInfo.InvariantCulture));
        SideRows.Row(table, baseline, optimized, "memory", r => NumberText.F(r.Machine.MemoryGb) + " GB");
        SideRows.Row(table, baseline, optimized, "CPU", r => r.Machine.CpuModel);
        SideRows.Row(table, baseline, optimized, "OS", r => r.Machine.Os);
        SideRows.Row(table, baseline, optimized, ".NET", r => r.Machine.DotnetVersion);
        SideRows.Row(table, baseline, optimized, "mode", r => r.Settings.Mode == TargetMode.External
            ? $"external ({r.Settings.ExternalApiUrl})"
            : "containers started by the suite");
        SideRows.Row(table, baseline, optimized, "job system", r => r.Settings.JobSystem == JobSystemKind.Bullmq
            ? $"BullMQ (prefix '{r.Settings.BullmqPrefix}', queues {string.Join(", ", r.Settings.BullmqQueues)})"
            : "Redis Streams (consumer group 'workers')");
        SideRows.Row(table, baseline, optimized, "network", r => r.Settings.Network.ToString().ToLowerInvariant());
        SideRows.Row(table, baseline, optimized, "result store", r => r.Settings.Store.ToString());
        SideRows.Row(table, baseline, optimized, "images", r => r.Settings.Mode == TargetMode.External
            ? "not started by the suite"
            : $"SUT {r.Settings.SystemImage}, Redis {r.Settings.RedisImage}" + (r.Settings.Store == StoreKind.Mongo ? $", Mongo {r.Settings.MongoImage}" : ""));
        SideRows.Row(table, baseline, optimized, "ready after", r => NumberText.F(r.ReadyAfterSeconds) + " s");
        table.WriteTo(md);

        if ((baseline.Report ?? optimized.Report)?.Machine is { } machine)
        {
            md.AppendLine($"The load generator and the system under test share these {machine.Cores} cores, so absolute numbers " +
                          "include the generator's own cost: compare the two configurations by their ratios, not against other machines.").AppendLine();
        }
        else
        {
            md.AppendLine($"Neither input records the machine it ran on (targets: {baseline.Name} {baseline.Load.Target}, {optimized.Name} {optimized.Load.Target}): " +
                          "compare the two by their ratios, not against other machines.").AppendLine();
        }

        md.AppendLine("### What did not run and why").AppendLine();
        var missing = new[] { baseline, optimized }
            .SelectMany(side => (side.Report is { } report ? report.Unavailable.Concat(report.Before.Unavailable).Concat(report.After.Unavailable) : [NotMeasuredByEngineReport])
                .Select(item => (item, side: side.Name)))
            .GroupBy(x => x.item)
            .Select(g => $"- {g.Key} ({string.Join(", ", g.Select(x => x.side).Distinct())})")
            .ToList();
        md.AppendLine(missing.Count == 0 ? "Everything ran on both sides: no part of the system or its metrics was unavailable." : string.Join('\n', missing)).AppendLine();
    }
}
