using System.Text;

namespace Perf.Comparison;

public static partial class ComparisonMarkdown
{
    private static void WriteSummary(StringBuilder md, ComparisonSide baseline, ComparisonSide optimized)
    {
        md.AppendLine("## Summary").AppendLine();
        md.AppendLine($"Change = ({optimized.Name} − {baseline.Name}) / {baseline.Name}. CPU is % of one core (host: % of all cores), " +
                      "averaged over the load window; peaks are the highest 1-second sample.").AppendLine();
        var table = new MarkdownTable("metric", baseline.Name, optimized.Name, "change");
        void Add(string metric, Func<ComparisonSide, double?> value, Func<double?, string> format, MetricDirection direction)
        {
            var (b, o) = (value(baseline), value(optimized));
            table.Row(metric, format(b), format(o), RelativeChange.Describe(b, o, direction));
        }

        static Func<double?, string> Fmt(string unit, string format = "0.0") => v => v is null ? NumberText.NotAvailable : NumberText.F(v, format) + unit;
        var count = Fmt("", "#,0");
        var ms = (Func<double?, string>)NumberText.Ms;

        Add("requests", s => s.Load.Totals.Requests, count, MetricDirection.Neither);
        Add("throughput (req/s)", s => s.Load.Totals.Rps, Fmt(""), MetricDirection.HigherIsBetter);
        Add("error rate", s => s.Load.Totals.ErrorRatePercent, Fmt(" %", "0.00"), MetricDirection.LowerIsBetter);
        Add("latency p50", s => s.Load.Totals.Latency.P50, ms, MetricDirection.LowerIsBetter);
        Add("latency p95", s => s.Load.Totals.Latency.P95, ms, MetricDirection.LowerIsBetter);
        Add("latency p99", s => s.Load.Totals.Latency.P99, ms, MetricDirection.LowerIsBetter);
        Add("latency max", s => s.Load.Totals.Latency.Max, ms, MetricDirection.LowerIsBetter);
        Add("host CPU avg", s => s.HostCpuAverage, Fmt(" %"), MetricDirection.LowerIsBetter);
        Add("host CPU peak", s => s.HostCpuPeak, Fmt(" %"), MetricDirection.LowerIsBetter);
        Add("host memory used after", s => s.Report.After.Host?.MemoryUsedGb, Fmt(" GB", "0.00"), MetricDirection.LowerIsBetter);
        Add("host memory % after", s => s.Report.After.Host?.MemoryPercent, Fmt(" %"), MetricDirection.LowerIsBetter);
        foreach (var role in ComparisonSide.Roles.Where(r => HasRole(baseline, r) || HasRole(optimized, r)))
        {
            Add($"{role} CPU avg (% of a core)", s => s.RoleCpuAverage(role), Fmt(" %"), MetricDirection.Neither);
            Add($"{role} CPU peak (% of a core)", s => s.RoleCpuPeak(role), Fmt(" %"), MetricDirection.Neither);
            Add($"{role} memory peak", s => s.RoleMemoryPeakMb(role), Fmt(" MB"), MetricDirection.LowerIsBetter);
        }

        Add("Redis connected clients peak", s => s.RedisClientsPeak, count, MetricDirection.Neither);
        Add("Redis connected clients after", s => s.Report.After.Redis?.ConnectedClients, count, MetricDirection.Neither);
        Add("Redis used memory peak", s => s.RedisUsedMemoryPeakMb, Fmt(" MB"), MetricDirection.LowerIsBetter);
        Add("Redis evicted keys (during run)", s => s.EvictedKeys, count, MetricDirection.LowerIsBetter);
        Add("Redis rejected connections", s => s.RejectedConnections, count, MetricDirection.LowerIsBetter);
        Add("Redis ops/s peak", s => s.RedisOpsPeak, count, MetricDirection.Neither);
        Add("jobs accepted", s => s.Report.Jobs.Accepted, count, MetricDirection.Neither);
        Add("jobs processed", s => s.Report.Jobs.Processed, count, MetricDirection.Neither);
        Add("jobs dead-lettered", s => s.Report.Jobs.DeadLettered, count, MetricDirection.LowerIsBetter);
        Add("jobs still queued", s => s.Report.Jobs.StillQueued, count, MetricDirection.LowerIsBetter);
        Add("jobs lost", s => s.Report.Jobs.Lost, count, MetricDirection.LowerIsBetter);
        Add("jobs processed twice (duplicates)", s => s.Report.Jobs.Duplicates, count, MetricDirection.LowerIsBetter);
        Add("backpressure rejections (SUT count)", s => s.BackpressureRejected, count, MetricDirection.Neither);
        table.Row("queues drained", Drain(baseline), Drain(optimized), "");
        Add("job end-to-end latency p50", s => s.Report.Jobs.EndToEndLatencyMs?.P50, ms, MetricDirection.LowerIsBetter);
        Add("job end-to-end latency p95", s => s.Report.Jobs.EndToEndLatencyMs?.P95, ms, MetricDirection.LowerIsBetter);
        Add("job end-to-end latency p99", s => s.Report.Jobs.EndToEndLatencyMs?.P99, ms, MetricDirection.LowerIsBetter);
        Add("queue lag peak (jobs)", s => s.QueueLagPeak, count, MetricDirection.LowerIsBetter);
        Add("job throughput during load (jobs/s)", s => s.JobThroughput, Fmt(""), MetricDirection.HigherIsBetter);
        Add("sampler overhead (% of a core)", s => s.Report.SamplerOverheadPercentOfCore, Fmt(" %", "0.00"), MetricDirection.Neither);
        table.WriteTo(md);
    }

    private static bool HasRole(ComparisonSide side, string role) => side.Report.Resources.Any(p => p.CpuPercentByRole.ContainsKey(role));

    private static string Drain(ComparisonSide side) => side.Report.Jobs.Drained
        ? $"yes, in {NumberText.F(side.Report.Jobs.DrainSeconds)} s"
        : $"**no** (gave up after {NumberText.F(side.Report.Jobs.DrainSeconds)} s)";
}
