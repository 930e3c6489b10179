using System.Diagnostics;
using Perf.Engine;
using Perf.Fixtures;
using Perf.Fixtures.Accounting;
using Perf.Fixtures.Environment;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>
/// A run of Profiles/fault-jobs.yml (15 s) with Redis stopped ~3 s from 4 s on, a direct request during the outage,
/// 20 payments submitted after the restart and followed to completion, then the job accounts.
/// </summary>
internal static class OutageScenario
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private const int SubmittedAfterRestart = 20;

    public static void AssertApiFailedFastAndEngineSawIt(OutageRun run)
    {
        run.DuringOutage.Status.Should().Be(503, "the API must refuse at once while Redis is down ({0})", run.DuringOutage);
        run.DuringOutage.ContentType.Should().Be("application/problem+json");
        run.DuringOutage.HasRetryAfter.Should().BeTrue();
        run.Load.Totals.Status(503).Should().BeGreaterThan(0, "the engine must record the outage as errors");
        run.Load.Totals.ErrorCount.Should().BeGreaterThanOrEqualTo(run.Load.Totals.Status(503));
        run.Load.Cancelled.Should().BeFalse();
    }

    public static async Task<OutageRun> RunAsync(EnvironmentSettings settings, Action<string> log)
    {
        // The whole scenario is bounded: a hang anywhere cancels it and fails the test instead of stalling the suite.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(100));
        await using var environment = await PerfEnvironment.StartAsync(settings, log, bound.Token);
        using var probe = new ApiProbe(environment.ApiBaseUrl, ProbeTimeout);
        var profile = FaultLoad.Jobs(environment.ApiBaseUrl, timeScale: 0.6);

        var clock = Stopwatch.StartNew();
        var running = new LoadRunner().RunAsync(profile, FaultLoad.Options(settings.ConfigurationName, log), bound.Token);
        // Let jobs accumulate before the fault: this delay is part of the fault schedule, not a readiness wait.
        await Task.Delay(TimeSpan.FromSeconds(4), bound.Token);
        await environment.StopRedisAsync(bound.Token);
        var stoppedAt = clock.Elapsed;
        var answer = await probe.PostPaymentAsync();
        log($"direct POST /payments during the outage: {answer}");
        // Hold the outage open for its planned length.
        var remaining = Outage - (clock.Elapsed - stoppedAt);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, bound.Token);
        }

        await environment.StartRedisAsync(bound.Token);
        var restartedAt = clock.Elapsed;
        var load = await running;
        log($"outage from {stoppedAt.TotalSeconds:0.0} s to {restartedAt.TotalSeconds:0.0} s of the run; load: {FaultLoad.Describe(load)}");

        var ids = await probe.SubmitPaymentsAsync(SubmittedAfterRestart);
        var completed = await probe.CountCompletedAsync(ids, TimeSpan.FromSeconds(45), bound.Token);
        log($"after the restart: {ids.Count} payments accepted, {completed} completed");

        var jobs = await JobAccountant.SettleAsync(environment, FaultLoad.AcceptedByClients(load) + ids.Count, bound.Token);
        log($"jobs: accepted {jobs.Accepted} (clients {jobs.AcceptedByClients}, SUT {jobs.AcceptedBySut}), processed {jobs.Processed}, " +
                  $"dead-lettered {jobs.DeadLettered}, still queued {jobs.StillQueued}, lost {jobs.Lost}, duplicates {jobs.Duplicates}, " +
                  $"drained {jobs.Drained}; notes: {string.Join(" | ", jobs.Notes)}");
        return new OutageRun(load, jobs, answer, stoppedAt, restartedAt, ids.Count, completed);
    }
}
