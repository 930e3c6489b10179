using System.Diagnostics;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Engine;
using Perf.Fixtures.Accounting;
using Perf.Fixtures.Metrics;
using Perf.Fixtures;
using Perf.Reports.Experiments.Capacity;

namespace Perf.Scenarios.Experiments.Capacity;

/// <summary>
/// Runs one capacity step on a running environment: waits for the queue to drain, then one constant-rate phase of the
/// template's scenario mix while the backlog is sampled, and reads the end-to-end latencies of the jobs stored during it.
/// </summary>
public sealed class CapacityStepRunner(PerfEnvironment environment, LoadProfile template, CapacityPlan plan, SustainCriteria criteria, Action<string> log)
{
    /// <summary>An unjudged run at the start rate: JIT, connection pools and Redis warm up before the first judged step.</summary>
    public async Task WarmUpAsync(double rate, TimeSpan duration, CancellationToken ct)
    {
        var profile = StepProfiles.ConstantRate(template, "warm-up", rate, duration);
        var load = await new LoadRunner().RunAsync(profile, new RunOptions { Label = profile.Name }, ct).ConfigureAwait(false);
        log($"warm-up: {load.Totals.Requests} requests at {rate:0.#}/s in {load.DurationSeconds:0.0} s (not judged)");
    }

    public async Task<CapacityStep> RunAsync(int index, double rate, CancellationToken ct)
    {
        var wall = Stopwatch.StartNew();
        var drained = await Drain.WaitAsync(environment, environment.Settings.DrainTimeout, ct).ConfigureAwait(false);
        if (!drained.Drained)
        {
            log($"step {index + 1}: the queue still held {drained.Left} jobs after {drained.Seconds:0} s; the step starts with that backlog");
        }

        var profile = StepProfiles.ConstantRate(template, $"step-{index + 1}", rate, plan.StepDuration);
        var host = new HostProbe();
        host.Sample();
        var latencyFrom = await JobLatencySamples.SnapshotAsync(environment).ConfigureAwait(false);
        var sampler = new BacklogSampler(environment);
        var options = new RunOptions
        {
            Label = $"capacity {environment.Settings.ConfigurationName} {rate:0.#}/s",
            ProgressInterval = TimeSpan.FromSeconds(5),
            Progress = snapshot => log($"  {snapshot}"),
            Seed = index + 1,
        };
        var load = await new LoadRunner().RunAsync(profile, options, ct).ConfigureAwait(false);
        var backlog = await sampler.StopAsync().ConfigureAwait(false);
        await sampler.DisposeAsync().ConfigureAwait(false);
        var cpu = host.Sample()?.CpuPercent;
        var latencyTo = await JobLatencySamples.SnapshotAsync(environment).ConfigureAwait(false);
        var jobLatencies = await JobLatencySamples.BetweenAsync(environment, latencyFrom, latencyTo).ConfigureAwait(false);
        var (start, end) = BacklogSampler.StartAndEnd(backlog);
        var phase = load.Phases[0];
        var measured = new StepMeasurement
        {
            TargetRate = rate,
            AchievedRate = phase.AchievedRate,
            StartedArrivals = phase.StartedArrivals,
            LateArrivals = phase.LateArrivals,
            LatenessP99Ms = phase.LatenessP99Ms,
            Requests = load.Totals.Requests,
            HttpP50Ms = load.Totals.Latency.P50,
            HttpP95Ms = load.Totals.Latency.P95,
            HttpP99Ms = load.Totals.Latency.P99,
            ErrorRatePercent = load.Totals.ErrorRatePercent,
            Status503 = load.Totals.Status(503),
            JobP99Ms = JobLatencySamples.Percentile(jobLatencies, 99),
            JobSamples = jobLatencies.Length,
            JobsAccepted = JobAccountant.AcceptedByClients(load),
            BacklogAtStart = Math.Round(start, 1),
            BacklogAtEnd = Math.Round(end, 1),
            Slots = environment.Settings.WorkerCount * environment.Settings.WorkerConcurrency,
            HostCpuPercent = cpu,
            StepSeconds = load.DurationSeconds,
        };
        var (outcome, breaches) = StepJudge.Judge(measured, criteria);
        return new CapacityStep(index, measured, outcome, breaches, Math.Round(wall.Elapsed.TotalSeconds, 1));
    }
}
