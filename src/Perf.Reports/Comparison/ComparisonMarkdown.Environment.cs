using System.Text;
using Perf.Model;
using Perf.Model.Metrics;
using Perf.Model.Settings;

namespace Perf.Reports.Comparison;

public static partial class ComparisonMarkdown
{
    /// <summary>What a side whose input is the load engine's report lacks, as "What did not run and why" lists it.</summary>
    public const string NotMeasuredByEngineReport =
        "host, container and Redis metrics, the configuration in force, job accounting and the job audit: not measured (the input is the load engine's report only)";

    private static void WriteEnvironment(StringBuilder md, ComparisonSide baseline, ComparisonSide optimized)
    {
        md.AppendLine("## Environment").AppendLine();
        var table = new MarkdownTable("", baseline.Name, optimized.Name) { LeftColumns = 3 };
        Row(table, baseline, optimized, "host", r => r.Machine.HostName);
        Row(table, baseline, optimized, "cores", r => r.Machine.Cores.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row(table, baseline, optimized, "memory", r => NumberText.F(r.Machine.MemoryGb) + " GB");
        Row(table, baseline, optimized, "CPU", r => r.Machine.CpuModel);
        Row(table, baseline, optimized, "OS", r => r.Machine.Os);
        Row(table, baseline, optimized, ".NET", r => r.Machine.DotnetVersion);
        Row(table, baseline, optimized, "mode", r => r.Settings.Mode == TargetMode.External
            ? $"external ({r.Settings.ExternalApiUrl})"
            : "containers started by the suite");
        Row(table, baseline, optimized, "job system", r => r.Settings.JobSystem == JobSystemKind.Bullmq
            ? $"BullMQ (prefix '{r.Settings.BullmqPrefix}', queues {string.Join(", ", r.Settings.BullmqQueues)})"
            : "Redis Streams (consumer group 'workers')");
        Row(table, baseline, optimized, "network", r => r.Settings.Network.ToString().ToLowerInvariant());
        Row(table, baseline, optimized, "result store", r => r.Settings.Store.ToString());
        Row(table, baseline, optimized, "images", r => r.Settings.Mode == TargetMode.External
            ? "not started by the suite"
            : $"SUT {r.Settings.SystemImage}, Redis {r.Settings.RedisImage}" + (r.Settings.Store == StoreKind.Mongo ? $", Mongo {r.Settings.MongoImage}" : ""));
        Row(table, baseline, optimized, "ready after", r => NumberText.F(r.ReadyAfterSeconds) + " s");
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

    private static void WriteConfiguration(StringBuilder md, ComparisonSide baseline, ComparisonSide optimized)
    {
        md.AppendLine("## Configuration in force").AppendLine();
        md.AppendLine("Redis settings are read back from the running server (`CONFIG GET`, `INFO`), not from the file.").AppendLine();
        var table = new MarkdownTable("setting", baseline.Name, optimized.Name) { LeftColumns = 3 };
        Row(table, baseline, optimized, "workers", r => r.Settings.WorkerCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row(table, baseline, optimized, "worker concurrency", r => r.Settings.WorkerConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row(table, baseline, optimized, "simulated downstream call", r => r.Settings.SimulatedDownstreamMs + " ms");
        Row(table, baseline, optimized, "worker failure rate", r => NumberText.F(r.Settings.WorkerFailureRate * 100, "0.##") + " %");
        Row(table, baseline, optimized, "API Redis pool size", r => r.Settings.RedisPoolSize == 1 ? "1 (pooling off)" : $"{r.Settings.RedisPoolSize} (pooling on)");
        Row(table, baseline, optimized, "backpressure", r => r.Settings.BackpressureEnabled ? $"on (max lag {NumberText.F(r.Settings.BackpressureMaxLag)})" : "off");
        Row(table, baseline, optimized, "Mongo max pool size", r => r.Settings.Store == StoreKind.Mongo ? r.Settings.MongoMaxPoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture) : "not used");
        Row(table, baseline, optimized, "Redis config file", r => r.Settings.RedisConfigFile is { } file ? Path.GetFileName(file) : "none (Redis defaults)");
        Row(table, baseline, optimized, "extra Redis directives", r => r.Settings.RedisExtraDirectives.Count == 0 ? "none" : string.Join("; ", r.Settings.RedisExtraDirectives));
        Row(table, baseline, optimized, "Redis version", r => Redis(r)?.RedisVersion);
        Row(table, baseline, optimized, "maxmemory (in force)", r => Redis(r) is { } c ? NumberText.Bytes(c.MaxMemoryBytes) : null);
        Row(table, baseline, optimized, "maxmemory-policy", r => Redis(r)?.MaxMemoryPolicy);
        Row(table, baseline, optimized, "maxclients (in force)", r => Redis(r) is { } c ? NumberText.F(c.MaxClients) : null);
        Row(table, baseline, optimized, "maxclients (requested)", r => Redis(r) is { } c ? c.MaxClientsRequested is { } req ? NumberText.F(req) : "not set (default)" : null);
        if (new[] { baseline, optimized }.Any(s => Redis(s.Report)?.MaxClientsNote is not null))
        {
            Row(table, baseline, optimized, "maxclients note", r => Redis(r) is { } c ? c.MaxClientsNote ?? "–" : null);
        }

        Row(table, baseline, optimized, "save (RDB)", r => Redis(r) is { } c ? (c.Save.Length == 0 ? "\"\" (off)" : c.Save) : null);
        Row(table, baseline, optimized, "appendonly (AOF)", r => Redis(r)?.AppendOnly);
        table.WriteTo(md);
    }

    private static RedisEffectiveConfig? Redis(ConfigurationRunReport? report) => ComparisonSide.Redis(report);

    private static void Row(MarkdownTable table, ComparisonSide baseline, ComparisonSide optimized, string name, Func<ConfigurationRunReport, string?> value) =>
        table.Row(name, Cell(baseline, value), Cell(optimized, value));

    private static string Cell(ComparisonSide side, Func<ConfigurationRunReport, string?> value) =>
        side.Report is { } report ? value(report) ?? NumberText.NotAvailable : NumberText.NotRecorded;
}
