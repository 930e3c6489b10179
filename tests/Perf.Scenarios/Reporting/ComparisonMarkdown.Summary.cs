using System.Text;

namespace Perf.Scenarios.Reporting;

public static partial class ComparisonMarkdown
{
    private static void WriteSummary(StringBuilder md, ComparisonSide baseline, ComparisonSide optimized)
    {
        md.AppendLine("## Summary").AppendLine();
        md.AppendLine($"Change = ({optimized.Name} − {baseline.Name}) / {baseline.Name}. CPU is % of one core (host: % of all cores), " +
                      "averaged over the load window; peaks are the highest 1-second sample.").AppendLine();
        var table = new MarkdownTable("metric", baseline.Name, optimized.Name, "change");
        void Add(string metric, Func<ComparisonSide, double?> value, Func<double?, string> format, Better better)
        {
            var (b, o) = (value(baseline), value(optimized));
            table.Row(metric, format(b), format(o), Change.Describe(b, o, better));
        }

        static Func<double?, string> Fmt(string unit, string format = "0.0") => v => v is null ? Num.NotAvailable : Num.F(v, format) + unit;
        var count = Fmt("", "#,0");
        var ms = (Func<double?, string>)Num.Ms;

        Add("requests", s => s.Load.Totals.Requests, count, Better.Neither);
        Add("throughput (req/s)", s => s.Load.Totals.Rps, Fmt(""), Better.Higher);
        Add("error rate", s => s.Load.Totals.ErrorRatePercent, Fmt(" %", "0.00"), Better.Lower);
        Add("latency p50", s => s.Load.Totals.Latency.P50, ms, Better.Lower);
        Add("latency p95", s => s.Load.Totals.Latency.P95, ms, Better.Lower);
        Add("latency p99", s => s.Load.Totals.Latency.P99, ms, Better.Lower);
        Add("latency max", s => s.Load.Totals.Latency.Max, ms, Better.Lower);
        Add("host CPU avg", s => s.HostCpuAverage, Fmt(" %"), Better.Lower);
        Add("host CPU peak", s => s.HostCpuPeak, Fmt(" %"), Better.Lower);
        Add("host memory used after", s => s.Report.After.Host?.MemoryUsedGb, Fmt(" GB", "0.00"), Better.Lower);
        Add("host memory % after", s => s.Report.After.Host?.MemoryPercent, Fmt(" %"), Better.Lower);
        foreach (var role in ComparisonSide.Roles.Where(r => HasRole(baseline, r) || HasRole(optimized, r)))
        {
            Add($"{role} CPU avg (% of a core)", s => s.RoleCpuAverage(role), Fmt(" %"), Better.Neither);
            Add($"{role} CPU peak (% of a core)", s => s.RoleCpuPeak(role), Fmt(" %"), Better.Neither);
            Add($"{role} memory peak", s => s.RoleMemoryPeakMb(role), Fmt(" MB"), Better.Lower);
        }

        Add("Redis connected clients peak", s => s.RedisClientsPeak, count, Better.Neither);
        Add("Redis connected clients after", s => s.Report.After.Redis?.ConnectedClients, count, Better.Neither);
        Add("Redis used memory peak", s => s.RedisUsedMemoryPeakMb, Fmt(" MB"), Better.Lower);
        Add("Redis evicted keys (during run)", s => s.EvictedKeys, count, Better.Lower);
        Add("Redis rejected connections", s => s.RejectedConnections, count, Better.Lower);
        Add("Redis ops/s peak", s => s.RedisOpsPeak, count, Better.Neither);
        Add("jobs accepted", s => s.Report.Jobs.Accepted, count, Better.Neither);
        Add("jobs processed", s => s.Report.Jobs.Processed, count, Better.Neither);
        Add("jobs dead-lettered", s => s.Report.Jobs.DeadLettered, count, Better.Lower);
        Add("jobs still queued", s => s.Report.Jobs.StillQueued, count, Better.Lower);
        Add("jobs lost", s => s.Report.Jobs.Lost, count, Better.Lower);
        Add("jobs processed twice (duplicates)", s => s.Report.Jobs.Duplicates, count, Better.Lower);
        Add("backpressure rejections (SUT count)", s => s.BackpressureRejected, count, Better.Neither);
        table.Row("queues drained", Drain(baseline), Drain(optimized), "");
        Add("job end-to-end latency p50", s => s.Report.Jobs.EndToEndLatencyMs?.P50, ms, Better.Lower);
        Add("job end-to-end latency p95", s => s.Report.Jobs.EndToEndLatencyMs?.P95, ms, Better.Lower);
        Add("job end-to-end latency p99", s => s.Report.Jobs.EndToEndLatencyMs?.P99, ms, Better.Lower);
        Add("queue lag peak (jobs)", s => s.QueueLagPeak, count, Better.Lower);
        Add("job throughput during load (jobs/s)", s => s.JobThroughput, Fmt(""), Better.Higher);
        Add("sampler overhead (% of a core)", s => s.Report.SamplerOverheadPercentOfCore, Fmt(" %", "0.00"), Better.Neither);
        table.WriteTo(md);
    }

    private static bool HasRole(ComparisonSide side, string role) => side.Report.Resources.Any(p => p.CpuPercentByRole.ContainsKey(role));

    private static string Drain(ComparisonSide side) => side.Report.Jobs.Drained
        ? $"yes, in {Num.F(side.Report.Jobs.DrainSeconds)} s"
        : $"**no** (gave up after {Num.F(side.Report.Jobs.DrainSeconds)} s)";
}
