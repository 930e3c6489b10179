using Perf.Model;

namespace Perf.Reports.Comparison;

/// <summary>
/// Rules over the measurements. Each fires only when its evidence is in the reports and cites the numbers;
/// none is canned advice. Thresholds that decide a rule are constants here so a reader can see them.
/// </summary>
public static class Recommendations
{
    public const double CpuSaturatedPercent = 80;

    /// <summary>The share of the load window's samples above <see cref="CpuSaturatedPercent"/> that makes the machine the bottleneck.</summary>
    public const double SaturatedShare = 0.10;
    public const double MemoryCapUnusedShare = 0.5;
    public const double GeneratorMinRateRatio = 0.95;
    public const double LatencyChangeShare = 0.10;

    /// <summary>File descriptors Redis keeps for itself beyond maxclients (redis.conf: "32 for internal use").</summary>
    public const long RedisReservedDescriptors = 32;

    public static IReadOnlyList<Recommendation> Derive(ComparisonSide baseline, ComparisonSide optimized)
    {
        var found = new List<Recommendation>();
        foreach (var side in new[] { baseline, optimized })
        {
            // The system's rules need the system measured; a side with the load engine's report only gives them no evidence.
            if (side.Report is { } report)
            {
                Evictions(side, report, found);
                CpuSaturation(side, report, found);
                GrowingQueueLag(side, report, found);
                LostJobs(side, report, found);
                LoweredMaxClients(side, report, found);
            }

            GeneratorBehind(side, found);
            if (side.Report is { } measured)
            {
                Backpressure(side, measured, found);
            }
        }

        Regressions(baseline, optimized, found);
        return found;
    }

    private static void Evictions(ComparisonSide side, ConfigurationRunReport report, List<Recommendation> found)
    {
        var config = ComparisonSide.Redis(report);
        if (side.EvictedKeys is > 0 and var evicted)
        {
            var policy = config?.MaxMemoryPolicy ?? "unknown";
            var queueRisk = policy.StartsWith("allkeys-", StringComparison.Ordinal)
                ? $"with `{policy}` any key can go, queue streams and job state (job:*) included"
                : $"with `{policy}` keys with a TTL went first";
            found.Add(new("evictions", $"{side.Name}: Redis evicted keys",
                $"{NumberText.F(evicted)} keys evicted during the run (maxmemory {(config is null ? NumberText.NotAvailable : NumberText.Bytes(config.MaxMemoryBytes))}, " +
                $"used memory peak {NumberText.F(side.RedisUsedMemoryPeakMb)} MB); {queueRisk}",
                "give the queue Redis `maxmemory-policy noeviction` (a full Redis then refuses writes instead of dropping jobs), " +
                "and put cached data such as the analytics summary on a separate Redis instance that may use an LRU policy"));
        }
        else if (side.EvictedKeys == 0 && config is { MaxMemoryBytes: > 0 } capped && side.RedisUsedMemoryPeakMb is { } peakMb &&
                 peakMb * 1024 * 1024 < capped.MaxMemoryBytes * MemoryCapUnusedShare)
        {
            found.Add(new("memory-cap-unexercised", $"{side.Name}: the Redis memory cap was not exercised",
                $"0 keys evicted; used memory peaked at {NumberText.F(peakMb)} MB, {NumberText.F(peakMb * 1024 * 1024 / capped.MaxMemoryBytes * 100)} % of maxmemory " +
                $"{NumberText.Bytes(capped.MaxMemoryBytes)} (`{capped.MaxMemoryPolicy}`)",
                "this run says nothing about behaviour at the cap; to test the eviction policy, run with a lower maxmemory " +
                "(an extra Redis directive) or a longer profile"));
        }
    }

    private static void CpuSaturation(ComparisonSide side, ConfigurationRunReport report, List<Recommendation> found)
    {
        var busy = side.LoadWindow.Count(p => p.HostCpuPercent > CpuSaturatedPercent);
        // A lone busy second is no bottleneck: the cores must have been saturated for a real share of the load.
        if (side.HostCpuPeak is > CpuSaturatedPercent and var peak && busy >= SaturatedShare * side.LoadWindow.Count)
        {
            found.Add(new("cpu-saturated", $"{side.Name}: the machine, not the configuration, was the bottleneck",
                $"host CPU peaked at {NumberText.F(peak)} % (average {NumberText.F(side.HostCpuAverage)} %, {busy} of {side.LoadWindow.Count} samples above " +
                $"{CpuSaturatedPercent:0} %) on {report.Machine.Cores} cores shared by generator and system",
                "compare the two configurations by ratios only; for absolute capacity run the generator on another machine or scale out the API and workers"));
        }
    }

    private static void GrowingQueueLag(ComparisonSide side, ConfigurationRunReport report, List<Recommendation> found)
    {
        if (side.PeakPhase is not { } phase)
        {
            return;
        }

        var samples = side.During(phase).Where(p => p.QueueLag is not null).ToList();
        if (samples.Count < 4)
        {
            return;
        }

        var third = samples.Count / 3;
        var first = samples.Take(third).Average(p => p.QueueLag!.Value);
        var last = samples.Skip(samples.Count - third).Average(p => p.QueueLag!.Value);
        var end = samples[^1].QueueLag!.Value;
        var arrival = ComparisonSide.Rate(samples, p => p.Accepted);
        var processed = ComparisonSide.Rate(samples, p => p.Processed);
        // A backlog smaller than one second of arrivals, or workers keeping pace with arrivals, is jitter, not growth.
        var material = arrival is not > 0 || end >= arrival;
        var fallingBehind = arrival is not > 0 || processed is not > 0 || processed < arrival * 0.98;
        if (end <= 0 || last <= first * 1.5 || end < samples[0].QueueLag!.Value || !material || !fallingBehind)
        {
            return;
        }

        var workers = report.Settings.WorkerCount;
        var evidence = $"during '{phase.Name}' queue lag grew from {NumberText.F(samples[0].QueueLag)} to {NumberText.F(end)} jobs " +
                       $"(mean of first third {NumberText.F(first, "0")}, last third {NumberText.F(last, "0")}); jobs arrived at {NumberText.F(arrival)} /s " +
                       $"and {workers} worker(s) processed {NumberText.F(processed)} /s";
        var advice = "the workers are under-provisioned for this arrival rate";
        if (arrival is > 0 and var a && processed is > 0 and var p && workers > 0)
        {
            var perWorker = p / workers;
            var needed = (int)Math.Ceiling(a / perWorker);
            advice = $"{NumberText.F(perWorker)} jobs/s per worker measured, so at least {needed} worker(s) (⌈{NumberText.F(a)} / {NumberText.F(perWorker)}⌉) " +
                     $"are needed to keep up, plus headroom; or raise worker concurrency (now {report.Settings.WorkerConcurrency}) " +
                     $"if the {report.Settings.SimulatedDownstreamMs} ms downstream wait, not CPU, limits each worker";
        }

        found.Add(new("queue-lag-growing", $"{side.Name}: queue lag grew until the end of the '{phase.Name}' phase", evidence, advice));
    }

    private static void LostJobs(ComparisonSide side, ConfigurationRunReport report, List<Recommendation> found)
    {
        var jobs = report.Jobs;
        if (jobs.Lost <= 0)
        {
            return;
        }

        var cause = jobs.Notes.Count > 0 ? "the accounting notes say: " + string.Join(" / ", jobs.Notes) : "the accounting recorded no cause";
        var evicted = side.EvictedKeys is > 0 ? $"; Redis evicted {NumberText.F(side.EvictedKeys)} keys in the same run" : "";
        found.Add(new("jobs-lost", $"{side.Name}: {NumberText.F(jobs.Lost)} accepted job(s) were lost",
            $"accepted {NumberText.F(jobs.Accepted)}, processed {NumberText.F(jobs.Processed)}, dead-lettered {NumberText.F(jobs.DeadLettered)}, " +
            $"still queued {NumberText.F(jobs.StillQueued)}; {cause}{evicted}",
            "a job system must not lose accepted work: fix the cause before comparing throughput"));
    }

    private static void LoweredMaxClients(ComparisonSide side, ConfigurationRunReport report, List<Recommendation> found)
    {
        if (ComparisonSide.Redis(report) is not { MaxClientsRequested: { } requested } config || config.MaxClients >= requested)
        {
            return;
        }

        found.Add(new("maxclients-lowered", $"{side.Name}: Redis lowered maxclients below the configured value",
            $"requested {NumberText.F(requested)}, in force {NumberText.F(config.MaxClients)}" + (config.MaxClientsNote is { } note ? $" ({note})" : "") +
            (side.RejectedConnections is > 0 ? $"; {NumberText.F(side.RejectedConnections)} connections were rejected" : ""),
            $"raise the Redis process's file-descriptor limit (`ulimit -n`, or the container's `--ulimit nofile`) to at least " +
            $"{NumberText.F(requested + RedisReservedDescriptors)} (maxclients + {RedisReservedDescriptors})"));
    }

    private static void GeneratorBehind(ComparisonSide side, List<Recommendation> found)
    {
        var behind = side.Load.Phases.Where(p => p.TargetRate > 0 && p.AchievedRate < p.TargetRate * GeneratorMinRateRatio).ToList();
        if (behind.Count == 0)
        {
            return;
        }

        var phases = string.Join("; ", behind.Select(p =>
            $"'{p.Name}' achieved {NumberText.F(p.AchievedRate)} of {NumberText.F(p.TargetRate)} arrivals/s ({NumberText.F(p.LateArrivals)} late, lateness p99 {NumberText.Ms(p.LatenessP99Ms)})"));
        found.Add(new("generator-behind", $"{side.Name}: the load generator fell behind its schedule",
            phases, "latencies of these phases understate the load asked for: give the generator its own cores or machine, or lower the rate"));
    }

    private static void Backpressure(ComparisonSide side, ConfigurationRunReport report, List<Recommendation> found)
    {
        var status503 = side.Load.Totals.Status(503);
        var rejected = side.BackpressureRejected ?? 0;
        if (status503 == 0 && rejected == 0)
        {
            return;
        }

        var errors = side.Load.Totals.ErrorCount;
        found.Add(new("backpressure", $"{side.Name}: 503 answers explain {(errors == 0 ? 0 : 100.0 * status503 / errors):0.#} % of the errors",
            $"{NumberText.F(status503)} responses were 503 out of {NumberText.F(errors)} errors ({NumberText.F(side.Load.Totals.ErrorRatePercent, "0.00")} % error rate); " +
            $"the SUT counted {NumberText.F(rejected)} backpressure rejections" +
            (report.Settings.BackpressureEnabled ? $" (max lag {NumberText.F(report.Settings.BackpressureMaxLag)})" : " although backpressure was off (Redis unavailable answers are 503 too)"),
            "these are refusals with Retry-After, not failures: clients should retry after the delay; if they are too frequent, add workers " +
            "or raise the lag limit rather than disable the protection"));
    }

    private static void Regressions(ComparisonSide baseline, ComparisonSide optimized, List<Recommendation> found)
    {
        var (b99, o99) = (baseline.Load.Totals.Latency.P99, optimized.Load.Totals.Latency.P99);
        if (b99 > 0 && o99 > b99 * (1 + LatencyChangeShare))
        {
            found.Add(new("p99-regression", $"{optimized.Name} regressed request p99 latency",
                $"p99 {NumberText.Ms(o99)} vs {NumberText.Ms(b99)} ({RelativeChange.Describe(b99, o99, MetricDirection.LowerIsBetter)}); p95 {NumberText.Ms(optimized.Load.Totals.Latency.P95)} vs {NumberText.Ms(baseline.Load.Totals.Latency.P95)}",
                "find which requests regressed in the per-request table; more workers and pooled connections compete with the API for the same cores"));
        }

        if (baseline.Report?.Jobs.EndToEndLatencyMs is { P95: > 0 } bj && optimized.Report?.Jobs.EndToEndLatencyMs is { } oj)
        {
            var change = RelativeChange.Describe(bj.P95, oj.P95, MetricDirection.LowerIsBetter);
            if (oj.P95 < bj.P95 * (1 - LatencyChangeShare))
            {
                found.Add(new("job-latency-improved", $"{optimized.Name} finished jobs sooner end to end",
                    $"job p95 {NumberText.Ms(oj.P95)} vs {NumberText.Ms(bj.P95)} ({change}), p99 {NumberText.Ms(oj.P99)} vs {NumberText.Ms(bj.P99)}",
                    $"keep the {optimized.Report.Settings.WorkerCount}-worker setting: jobs wait less in the queue"));
            }
            else if (oj.P95 > bj.P95 * (1 + LatencyChangeShare))
            {
                found.Add(new("job-latency-regressed", $"{optimized.Name} finished jobs later end to end",
                    $"job p95 {NumberText.Ms(oj.P95)} vs {NumberText.Ms(bj.P95)} ({change}), p99 {NumberText.Ms(oj.P99)} vs {NumberText.Ms(bj.P99)}",
                    "look at queue lag and worker CPU: more workers did not shorten the wait"));
            }
        }
    }
}
