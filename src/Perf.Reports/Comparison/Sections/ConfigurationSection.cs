using System.Text;
using Perf.Model.Settings;

namespace Perf.Reports.Comparison.Sections;

/// <summary>The configuration in force on each side, Redis settings read back from the running server.</summary>
internal sealed class ConfigurationSection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var (baseline, optimized) = (context.A, context.B);
        md.AppendLine("## Configuration in force").AppendLine();
        md.AppendLine("Redis settings are read back from the running server (`CONFIG GET`, `INFO`), not from the file.").AppendLine();
        var table = new MarkdownTable("setting", baseline.Name, optimized.Name) { LeftColumns = 3 };
        SideRows.Row(table, baseline, optimized, "workers", r => r.Settings.WorkerCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        SideRows.Row(table, baseline, optimized, "worker concurrency", r => r.Settings.WorkerConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture));
        SideRows.Row(table, baseline, optimized, "simulated downstream call", r => r.Settings.SimulatedDownstreamMs + " ms");
        SideRows.Row(table, baseline, optimized, "worker failure rate", r => NumberText.F(r.Settings.WorkerFailureRate * 100, "0.##") + " %");
        SideRows.Row(table, baseline, optimized, "API Redis pool size", r => r.Settings.RedisPoolSize == 1 ? "1 (pooling off)" : $"{r.Settings.RedisPoolSize} (pooling on)");
        SideRows.Row(table, baseline, optimized, "backpressure", r => r.Settings.BackpressureEnabled ? $"on (max lag {NumberText.F(r.Settings.BackpressureMaxLag)})" : "off");
        SideRows.Row(table, baseline, optimized, "Mongo max pool size", r => r.Settings.Store == StoreKind.Mongo ? r.Settings.MongoMaxPoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture) : "not used");
        SideRows.Row(table, baseline, optimized, "Redis config file", r => r.Settings.RedisConfigFile is { } file ? Path.GetFileName(file) : "none (Redis defaults)");
        SideRows.Row(table, baseline, optimized, "extra Redis directives", r => r.Settings.RedisExtraDirectives.Count == 0 ? "none" : string.Join("; ", r.Settings.RedisExtraDirectives));
        SideRows.Row(table, baseline, optimized, "Redis version", r => ComparisonSide.Redis(r)?.RedisVersion);
        SideRows.Row(table, baseline, optimized, "maxmemory (in force)", r => ComparisonSide.Redis(r) is { } c ? NumberText.Bytes(c.MaxMemoryBytes) : null);
        SideRows.Row(table, baseline, optimized, "maxmemory-policy", r => ComparisonSide.Redis(r)?.MaxMemoryPolicy);
        SideRows.Row(table, baseline, optimized, "maxclients (in force)", r => ComparisonSide.Redis(r) is { } c ? NumberText.F(c.MaxClients) : null);
        SideRows.Row(table, baseline, optimized, "maxclients (requested)", r => ComparisonSide.Redis(r) is { } c ? c.MaxClientsRequested is { } req ? NumberText.F(req) : "not set (default)" : null);
        if (new[] { baseline, optimized }.Any(s => ComparisonSide.Redis(s.Report)?.MaxClientsNote is not null))
        {
            SideRows.Row(table, baseline, optimized, "maxclients note", r => ComparisonSide.Redis(r) is { } c ? c.MaxClientsNote ?? "–" : null);
        }

        SideRows.Row(table, baseline, optimized, "save (RDB)", r => ComparisonSide.Redis(r) is { } c ? (c.Save.Length == 0 ? "\"\" (off)" : c.Save) : null);
        SideRows.Row(table, baseline, optimized, "appendonly (AOF)", r => ComparisonSide.Redis(r)?.AppendOnly);
        table.WriteTo(md);
    }
}
