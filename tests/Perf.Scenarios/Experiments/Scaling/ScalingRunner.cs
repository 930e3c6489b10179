using System.Diagnostics;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Engine;
using Perf.Fixtures.Containers;
using Perf.Fixtures.Metrics;
using Perf.Fixtures.Settings;
using Perf.Fixtures;
using Perf.Reports.Experiments.Scaling;

namespace Perf.Scenarios.Experiments.Scaling;

/// <summary>
/// One scaling point: a fresh environment with N workers, the workers stopped while the API fills the queue, then
/// started again; the drain rate between 10 % and 90 % of the backlog drained is the workers' maximum throughput,
/// and host CPU over the same window says whether the cores or the downstream wait limited it.
/// </summary>
public sealed class ScalingRunner(LoadProfile template, ScalingPlan plan, Action<string> log)
{
    public async Task<ScalingPoint> MeasureAsync(int workers, CancellationToken ct)
    {
        var wall = Stopwatch.StartNew();
        var settings = PerfSettings.Current.Environment(EnvironmentPresets.Baseline) with
        {
            ConfigurationName = $"scaling-{workers}w",
            WorkerCount = workers,
            WorkerConcurrency = plan.Concurrency,
            SimulatedDownstreamMs = plan.DownstreamMs,
            BackpressureEnabled = false,
        };
        await using var environment = await PerfEnvironment.StartAsync(settings, log, ct).ConfigureAwait(false);
        if (environment.Docker is null)
        {
            throw new InvalidOperationException("The scaling experiment stops and restarts the worker containers, so it needs container mode (PERF_MODE=container).");
        }

        // Stopped rather than paused: freezing a container's cgroup fails on a busy host ("unable to freeze"), and a worker
        // stopped with an empty queue holds no pending entries. The drain is measured from 10 % on, after the restart.
        var workerContainers = environment.Containers.Where(c => c.Role == ContainerRole.Worker).ToList();
        await Task.WhenAll(workerContainers.Select(c => c.Container.StopAsync(ct))).ConfigureAwait(false);
        double fillSeconds;
        try
        {
            fillSeconds = plan.FillSecondsFor(workers);
            var fill = StepProfiles.ConstantRate(StepProfiles.JobsOnly(template with { Target = environment.ApiBaseUrl }), $"fill-{workers}w",
                plan.FillRate, TimeSpan.FromSeconds(fillSeconds));
            var load = await new LoadRunner().RunAsync(fill, new RunOptions { Label = fill.Name, Progress = s => log($"  {s}") }, ct).ConfigureAwait(false);
            log($"{workers} worker(s): filled {load.Totals.Requests} requests in {load.DurationSeconds:0.0} s, errors {load.Totals.ErrorRatePercent:0.00} %");
        }
        finally
        {
            await Task.WhenAll(workerContainers.Select(c => c.Container.StartAsync(CancellationToken.None))).ConfigureAwait(false);
        }

        return await MeasureDrainAsync(environment, workers, fillSeconds, wall, ct).ConfigureAwait(false);
    }

    private async Task<ScalingPoint> MeasureDrainAsync(PerfEnvironment environment, int workers, double fillSeconds, Stopwatch wall, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var initial = await BacklogSampler.ReadAsync(environment).ConfigureAwait(false);
        if (initial < plan.BacklogFor(workers) / 2)
        {
            throw new InvalidOperationException($"{workers} worker(s): the fill left {initial} queued jobs, less than half the {plan.BacklogFor(workers)} planned " +
                                                "(the API refused or the workers were not stopped): no throughput to measure.");
        }

        var host = new HostProbe();
        (double Seconds, long Backlog)? from = null, to = null;
        double? cpu = null;
        var drained = false;
        while (clock.Elapsed < environment.Settings.DrainTimeout)
        {
            var backlog = await BacklogSampler.ReadAsync(environment).ConfigureAwait(false);
            var now = clock.Elapsed.TotalSeconds;
            if (from is null && backlog <= initial * 0.9)
            {
                from = (now, backlog);
                host.Sample();
            }
            else if (from is not null && backlog <= initial * 0.1)
            {
                to = (now, backlog);
                cpu = host.Sample()?.CpuPercent;
                drained = true;
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct).ConfigureAwait(false);
        }

        if (from is null || to is null)
        {
            throw new InvalidOperationException($"{workers} worker(s) did not drain 90 % of a {initial}-job backlog within " +
                                                $"{environment.Settings.DrainTimeout.TotalSeconds:0} s (PERF_DRAIN_TIMEOUT_S): no throughput to report.");
        }

        var jobs = from.Value.Backlog - to.Value.Backlog;
        var seconds = to.Value.Seconds - from.Value.Seconds;
        var point = new ScalingPoint(workers, plan.Concurrency, plan.DownstreamMs, initial, Math.Round(fillSeconds, 1), Math.Round(seconds, 2), jobs,
            Math.Round(jobs / Math.Max(seconds, 1e-3), 1), cpu, drained, Math.Round(wall.Elapsed.TotalSeconds, 1));
        log($"{workers} worker(s): {point.JobsPerSecond:0.0} jobs/s over {seconds:0.00} s ({jobs} jobs), host CPU {cpu:0} %, I/O ceiling {point.IoCeiling:0}/s");
        return point;
    }
}
