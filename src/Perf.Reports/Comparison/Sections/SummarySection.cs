using System.Text;
using Perf.Model;

namespace Perf.Reports.Comparison.Sections;

/// <summary>The whole-run summary: requests, resources, Redis and job accounting side by side with the relative change.</summary>
internal sealed class SummarySection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var (baseline, optimized) = (context.A, context.B);
        md.AppendLine("## Summary").AppendLine();
        md.AppendLine($"Change = ({optimized.Name} − {baseline.Name}) / {baseline.Name}. CPU is % of one core (host: % of all cores), " +
                      "averaged over the load window; peaks are the highest 1-second sample. CPU per request and per job is that average " +
                      "over the requests answered per second (or the jobs processed per second) of the same window.").AppendLine();
        foreach (var side in new[] { baseline, optimized }.Where(s => !s.MeasuredSystem))
        {
            md.AppendLine($"{side.Name}'s input is the load engine's report only: its host, container, Redis and job rows are \"{NumberText.NotMeasured}\".").AppendLine();
        }

        var table = new MarkdownTable("metric", baseline.Name, optimized.Name, "change");

        // Rows of the requests, which every input measured.
        void Add(string metric, Func<ComparisonSide, double?> value, Func<double?, string> format, MetricDirection direction)
        {
            var (b, o) = (value(baseline), value(optimized));
            table.Row(metric, format(b), format(o), RelativeChange.Describe(b, o, direction));
        }

        // Rows of the system, which a side whose input is the load engine's report did not measure.
        void AddSystem(string metric, Func<ComparisonSide, ConfigurationRunReport, double?> value, Func<double?, string> format, MetricDirection direction)
        {
            if (baseline.Report is { } baselineReport && optimized.Report is { } optimizedReport)
            {
                Add(metric, s => value(s, s == baseline ? baselineReport : optimizedReport), format, direction);
                return;
            }

            string Cell(ComparisonSide s) => s.Report is { } r ? format(value(s, r)) : NumberText.NotMeasured;
            table.Row(metric, Cell(baseline), Cell(optimized), "");
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
        AddSystem("host CPU avg", (s, _) => s.HostCpuAverage, Fmt(" %"), MetricDirection.LowerIsBetter);
        AddSystem("host CPU peak", (s, _) => s.HostCpuPeak, Fmt(" %"), MetricDirection.LowerIsBetter);
        AddSystem("host memory used after", (_, r) => r.After.Host?.MemoryUsedGb, Fmt(" GB", "0.00"), MetricDirection.LowerIsBetter);
        AddSystem("host memory % after", (_, r) => r.After.Host?.MemoryPercent, Fmt(" %"), MetricDirection.LowerIsBetter);
        foreach (var role in ComparisonSide.Roles.Where(r => HasRole(baseline, r) || HasRole(optimized, r)))
        {
            AddSystem($"{role} CPU avg (% of a core)", (s, _) => s.RoleCpuAverage(role), Fmt(" %"), MetricDirection.Neither);
            AddSystem($"{role} CPU peak (% of a core)", (s, _) => s.RoleCpuPeak(role), Fmt(" %"), MetricDirection.Neither);
            AddSystem($"{role} memory peak", (s, _) => s.RoleMemoryPeakMb(role), Fmt(" MB"), MetricDirection.LowerIsBetter);
        }

        // Cost per unit of work: what a request costs the API and a job costs the workers and Redis, the figures that
        // compare two job systems (or two configurations) at the same load.
        AddSystem("API CPU per request", (s, _) => s.CpuMicrosecondsPerRequest("api"), Fmt(" µs", "#,0"), MetricDirection.LowerIsBetter);
        AddSystem("worker CPU per job", (s, _) => s.CpuMicrosecondsPerJob("worker"), Fmt(" µs", "#,0"), MetricDirection.LowerIsBetter);
        AddSystem("Redis CPU per job", (s, _) => s.CpuMicrosecondsPerJob("redis"), Fmt(" µs", "#,0"), MetricDirection.LowerIsBetter);
        AddSystem("Redis connected clients peak", (s, _) => s.RedisClientsPeak, count, MetricDirection.Neither);
        AddSystem("Redis connected clients after", (_, r) => r.After.Redis?.ConnectedClients, count, MetricDirection.Neither);
        AddSystem("Redis used memory peak", (s, _) => s.RedisUsedMemoryPeakMb, Fmt(" MB"), MetricDirection.LowerIsBetter);
        AddSystem("Redis memory growth per 1,000 jobs", (s, _) => s.RedisMemoryGrowthKbPer1000Jobs, Fmt(" KB"), MetricDirection.LowerIsBetter);
        AddSystem("Redis evicted keys (during run)", (s, _) => s.EvictedKeys, count, MetricDirection.LowerIsBetter);
        AddSystem("Redis rejected connections", (s, _) => s.RejectedConnections, count, MetricDirection.LowerIsBetter);
        AddSystem("Redis ops/s peak", (s, _) => s.RedisOpsPeak, count, MetricDirection.Neither);
        AddSystem("jobs accepted", (_, r) => r.Jobs.Accepted, count, MetricDirection.Neither);
        AddSystem("jobs processed", (_, r) => r.Jobs.Processed, count, MetricDirection.Neither);
        AddSystem("jobs dead-lettered", (_, r) => r.Jobs.DeadLettered, count, MetricDirection.LowerIsBetter);
        AddSystem("jobs still queued", (_, r) => r.Jobs.StillQueued, count, MetricDirection.LowerIsBetter);
        AddSystem("jobs lost", (_, r) => r.Jobs.Lost, count, MetricDirection.LowerIsBetter);
        AddSystem("jobs processed twice (duplicates)", (_, r) => r.Jobs.Duplicates, count, MetricDirection.LowerIsBetter);
        AddSystem("backpressure rejections (SUT count)", (s, _) => s.BackpressureRejected, count, MetricDirection.Neither);
        table.Row("queues drained", Drain(baseline), Drain(optimized), "");
        AddSystem("job end-to-end latency p50", (_, r) => r.Jobs.EndToEndLatencyMs?.P50, ms, MetricDirection.LowerIsBetter);
        AddSystem("job end-to-end latency p95", (_, r) => r.Jobs.EndToEndLatencyMs?.P95, ms, MetricDirection.LowerIsBetter);
        AddSystem("job end-to-end latency p99", (_, r) => r.Jobs.EndToEndLatencyMs?.P99, ms, MetricDirection.LowerIsBetter);
        AddSystem("queue lag peak (jobs)", (s, _) => s.QueueLagPeak, count, MetricDirection.LowerIsBetter);
        AddSystem("job throughput during load (jobs/s)", (s, _) => s.JobThroughput, Fmt(""), MetricDirection.HigherIsBetter);
        AddSystem("sampler overhead (% of a core)", (_, r) => r.SamplerOverheadPercentOfCore, Fmt(" %", "0.00"), MetricDirection.Neither);
        table.WriteTo(md);
    }

    private static bool HasRole(ComparisonSide side, string role) => side.Resources.Any(p => p.CpuPercentByRole.ContainsKey(role));

    private static string Drain(ComparisonSide side) => side.Report?.Jobs is not { } jobs
        ? NumberText.NotMeasured
        : jobs.Drained ? $"yes, in {NumberText.F(jobs.DrainSeconds)} s" : $"**no** (gave up after {NumberText.F(jobs.DrainSeconds)} s)";
}
