using System.Diagnostics;
using Perf.Engine;
using Perf.Fixtures;
using Perf.Fixtures.Accounting;
using Perf.Model.Settings;

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
        var serverErrors = run.Load.Totals.StatusCodes.Where(c => c.Key >= 500).Sum(c => c.Value);
        run.Load.Totals.Errors.GetValueOrDefault("http5xx").Should().Be(serverErrors, "every 5xx answer is recorded as an http5xx error, no more, no fewer");
        // The time series is relative to the run's start, the outage to the clock started just before it: a second of slack.
        run.Load.TimeSeries.Where(p => p.Second >= run.StoppedAt.TotalSeconds - 1 && p.Second <= run.RestartedAt.TotalSeconds + 1).Sum(p => p.Errors)
            .Should().BeGreaterThan(0, "the errors fall in the seconds Redis was down");
        run.Load.Cancelled.Should().BeFalse();
    }

    public static async Task<OutageRun> RunAsync(EnvironmentSettings settings, Action<string> log)
    {
        // The whole scenario is bounded: a hang anywhere cancels it and fails the test instead of stalling the suite.
        using var bound = TestBound.Within(TimeSpan.FromSeconds(100));
        await using var environment = await PerfEnvironment.StartAsync(settings, log, bound.Token);
        using var probe = new ApiProbe(environment.ApiBaseUrl, ProbeTimeout);
        var profile = FaultLoad.Jobs(environment.ApiBaseUrl, timeScale: 0.6);

        var clock = Stopwatch.StartNew();
        var ledger = FaultLoad.NewLedger(profile);
        var running = new LoadRunner().RunAsync(profile, FaultLoad.Options(settings.ConfigurationName, log, ledger), bound.Token);
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

        var jobs = await JobAccountant.SettleAsync(environment, JobAccountant.AcceptedByClients(load) + ids.Count, bound.Token);
        log($"jobs: accepted {jobs.Accepted} (clients {jobs.AcceptedByClients}, SUT {jobs.AcceptedBySut}), processed {jobs.Processed}, " +
                  $"dead-lettered {jobs.DeadLettered}, still queued {jobs.StillQueued}, lost {jobs.Lost}, duplicates {jobs.Duplicates}, " +
                  $"drained {jobs.Drained}; notes: {string.Join(" | ", jobs.Notes)}");
        var audit = await JobAuditor.AuditAsync(environment, FaultLoad.Ids(ledger).Concat(ids), jobs, ledgerFile: null, bound.Token);
        var afterRestart = await JobAuditor.AuditAsync(environment, ids, jobs, ledgerFile: null, bound.Token);
        log($"audit of {audit.IdsChecked} ids: stored {audit.Stored}, dead-lettered {audit.DeadLettered}, lost {audit.Lost}, double {audit.Double}, " +
            $"unknown {audit.Unknown}; of the {afterRestart.IdsChecked} submitted after the restart: stored {afterRestart.Stored}, lost {afterRestart.Lost}");
        return new OutageRun(load, jobs, answer, stoppedAt, restartedAt, ids.Count, completed, audit, afterRestart);
    }
}
