using System.Diagnostics;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Engine;
using Perf.Fixtures.Accounting;
using Perf.Fixtures.Metrics;
using Perf.Fixtures;
using Perf.Model.Metrics;
using Perf.Reports.Experiments.Attribution;

namespace Perf.Scenarios.Experiments.Attribution;

/// <summary>
/// Runs every design point in a fresh environment (the profile as given, time scale applied), then keeps the per-second
/// series of the sustained phase (the one with the highest target rate) and the jobs' end-to-end latencies.
/// </summary>
public sealed class AttributionRunner(LoadProfile profile, Action<string> log)
{
    /// <summary>At most this many job latencies per run go into the bootstrap (evenly thinned, order kept).</summary>
    public const int MaxJobSamples = 5000;

    public async Task<RunSeries> RunAsync(DesignRun run, int of, CancellationToken ct)
    {
        var wall = Stopwatch.StartNew();
        var settings = KnobSettings.For(run.Levels, $"attr-{run.Name}");
        log($"run {run.Index + 1}/{of} ({run.Describe()}): {settings.WorkerCount} worker(s), redis.conf {(settings.RedisConfigFile is null ? "none" : Path.GetFileName(settings.RedisConfigFile))}, " +
            $"pool {settings.RedisPoolSize}, backpressure {(settings.BackpressureEnabled ? "on" : "off")}");
        await using var environment = await PerfEnvironment.StartAsync(settings, log, ct).ConfigureAwait(false);
        var target = profile with { Target = environment.ApiBaseUrl };
        await using var collector = new MetricsCollector(environment);
        var sampler = new MetricsSampler(collector);
        var options = new RunOptions { Label = run.Name, ProgressInterval = TimeSpan.FromSeconds(5), Progress = s => log($"  {run.Name} {s}"), Seed = run.Index + 1 };
        var load = await new LoadRunner().RunAsync(target, options, ct).ConfigureAwait(false);
        var jobs = await JobAccountant.SettleAsync(environment, JobAccountant.AcceptedByClients(load), ct).ConfigureAwait(false);
        var resources = await sampler.StopAsync().ConfigureAwait(false);
        await sampler.DisposeAsync().ConfigureAwait(false);
        var latencies = Thin(Shuffle(await JobLatencySamples.BetweenAsync(environment, JobLatencySamples.Empty,
            await JobLatencySamples.SnapshotAsync(environment).ConfigureAwait(false)).ConfigureAwait(false), run.Index));

        var sustained = load.Phases.MaxBy(p => p.TargetRate)!;
        var (from, to) = (sustained.StartOffsetSeconds, sustained.StartOffsetSeconds + sustained.DurationSeconds);
        var seconds = load.TimeSeries.Where(p => p.Second > from && p.Second <= to + 0.5).ToList();
        var samples = resources.Where(p => p.ElapsedSeconds > from && p.ElapsedSeconds <= to + 0.5).ToList();
        var series = new RunSeries
        {
            Run = run,
            HttpP99Ms = seconds.Where(p => p.Requests > 0).Select(p => p.P99Ms).ToArray(),
            HttpP50Ms = seconds.Where(p => p.Requests > 0).Select(p => p.P50Ms).ToArray(),
            ErrorPercent = seconds.Where(p => p.Requests > 0).Select(p => 100.0 * p.Errors / p.Requests).ToArray(),
            Backlog = samples.Where(p => p.QueueLag is not null).Select(p => (double)(p.QueueLag!.Value + (p.QueuePending ?? 0))).ToArray(),
            ProcessedPerSecond = Rates(samples),
            JobLatencyMs = latencies,
            TotalHttpP99Ms = load.Totals.Latency.P99,
            TotalErrorRatePercent = load.Totals.ErrorRatePercent,
            JobsAccepted = jobs.Accepted,
            JobsLost = jobs.Lost,
            JobP95Ms = jobs.EndToEndLatencyMs?.P95,
            SustainedRate = sustained.TargetRate,
            AchievedRate = sustained.AchievedRate,
            WallSeconds = Math.Round(wall.Elapsed.TotalSeconds, 1),
        };
        log($"run {run.Index + 1}/{of} done in {series.WallSeconds:0} s: p99 {load.Totals.Latency.P99:0.0} ms, errors {load.Totals.ErrorRatePercent:0.00} %, " +
            $"jobs {jobs.Accepted} accepted / {jobs.Lost} lost, {seconds.Count} sustained seconds");
        return series;
    }

    private static double[] Rates(IReadOnlyList<ResourceSample> samples)
    {
        var points = samples.Where(p => p.Processed is not null).ToList();
        return points.Zip(points.Skip(1), (a, b) => (b.Processed!.Value - a.Processed!.Value) / Math.Max(1e-3, b.ElapsedSeconds - a.ElapsedSeconds)).ToArray();
    }

    /// <summary>
    /// Bucketed latencies come sorted, without their order in time: shuffled, the block bootstrap treats them as independent
    /// draws, an interval that ignores autocorrelation and is narrower than the truth (the report's method note says within-run).
    /// </summary>
    private static double[] Shuffle(double[] values, int seed)
    {
        new Random(seed).Shuffle(values);
        return values;
    }

    private static double[] Thin(double[] values)
    {
        if (values.Length <= MaxJobSamples)
        {
            return values;
        }

        var step = (double)values.Length / MaxJobSamples;
        return Enumerable.Range(0, MaxJobSamples).Select(i => values[(int)(i * step)]).ToArray();
    }
}
