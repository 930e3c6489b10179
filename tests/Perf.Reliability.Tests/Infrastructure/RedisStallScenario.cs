using System.Diagnostics;
using Perf.Engine;
using Perf.Engine.Reporting;
using Perf.Fixtures;
using Perf.Fixtures.Accounting;
using Perf.Model.Accounting;
using SystemUnderTest.Contracts;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>
/// One worker, downstream calls failing 30 % of the time (failed attempts stay pending until the reclaim loop retries
/// them or dead-letters them after three deliveries), Profiles/fault-jobs.yml for 15 s, and a Redis stall of 9 s from
/// 4 s on: longer than the SUT's 5 s client timeout, so every Redis call a worker makes in that window times out.
/// </summary>
internal static class RedisStallScenario
{
    public const int StallMilliseconds = 9000;

    /// <summary>The SUT's StackExchange.Redis timeout (its default); the stall must outlast it to prove anything.</summary>
    private const int SutClientTimeoutMs = 5000;

    public static async Task<StallRun> RunAsync(string name, Action<string> log, Func<PerfEnvironment, Task> stall)
    {
        using var bound = TestBound.Within(TimeSpan.FromSeconds(150));
        var settings = ReliabilitySettings.Baseline(name) with
        {
            WorkerCount = 1,
            WorkerFailureRate = 0.3,
            WorkerReclaimIdleMs = 1000,
            RedisExtraDirectives = ["enable-debug-command yes"],
        };
        await using var environment = await PerfEnvironment.StartAsync(settings, log, bound.Token);
        var profile = FaultLoad.Jobs(environment.ApiBaseUrl, timeScale: 0.6);
        var ledger = FaultLoad.NewLedger(profile);
        var clock = Stopwatch.StartNew();
        var running = new LoadRunner().RunAsync(profile, FaultLoad.Options(name, log, ledger), bound.Token);
        // Part of the fault schedule, not a readiness wait: jobs and failed attempts are pending when the stall begins.
        await Task.Delay(TimeSpan.FromSeconds(4), bound.Token);
        var stalledAt = clock.Elapsed;
        await stall(environment);
        log($"Redis stalled for {StallMilliseconds} ms from {stalledAt.TotalSeconds:0.0} s (SUT client timeout {SutClientTimeoutMs} ms)");
        var load = await running;
        log($"load done: {FaultLoad.Describe(load)}");

        var jobs = await JobAccountant.SettleAsync(environment, JobAccountant.AcceptedByClients(load), bound.Token);
        var audit = await JobAuditor.AuditAsync(environment, FaultLoad.Ids(ledger), jobs, ledgerFile: null, bound.Token);
        var counters = await environment.JobSystem.CountersAsync();
        var pending = await PendingAsync(environment);
        log($"jobs: accepted {jobs.Accepted} (clients {jobs.AcceptedByClients}, SUT {jobs.AcceptedBySut}), processed {jobs.Processed}, " +
            $"dead-lettered {jobs.DeadLettered}, still queued {jobs.StillQueued}, lost {jobs.Lost}, reclaimed {counters.Retried}, " +
            $"pending {pending}, drained {jobs.Drained} in {jobs.DrainSeconds} s");
        log($"audit of {audit.IdsChecked} ids: stored {audit.Stored}, dead-lettered {audit.DeadLettered}, lost {audit.Lost}, " +
            $"double {audit.Double}, unknown {audit.Unknown}; breaches: {string.Join(" | ", audit.Breaches())}");
        return new StallRun(load, jobs, audit, pending, counters.Retried);
    }

    public static void AssertEveryAcceptedJobHasOneOutcome(StallRun run)
    {
        var notAccepted = run.Load.Totals.Requests - JobAccountant.AcceptedByClients(run.Load);
        notAccepted.Should().BeGreaterThan(0, "requests during the stall must have failed, or the stall proved nothing");
        run.Audit.IdsChecked.Should().BeGreaterThan(0);
        run.Pending.Should().Be(0, "a failed attempt or an orphaned entry left pending for good is a job that never ends");
        run.Audit.Drained.Should().BeTrue("every accepted job must be finished after the stall");
        run.Audit.Lost.Should().Be(0, "each accepted id must be processed or dead-lettered (first lost: {0})", string.Join(", ", run.Audit.LostSample));
        run.Audit.Double.Should().Be(0);
        (run.Audit.Stored + run.Audit.DeadLettered).Should().Be(run.Audit.IdsChecked);
        run.Reclaimed.Should().BeGreaterThan(0, "failed attempts are retried by the reclaim loop, which must run after the stall");
        // A request whose commands Redis ran only after the client had given up is a job no client saw accepted: it
        // can only come from a request that did not get its 202.
        run.Audit.Unknown.Should().BeLessThanOrEqualTo(notAccepted);
    }

    private static async Task<long> PendingAsync(PerfEnvironment environment)
    {
        var database = environment.Redis.GetDatabase();
        long pending = 0;
        foreach (var stream in PerfEnvironment.JobStreams)
        {
            pending += (await database.StreamPendingAsync(stream, RedisKeys.ConsumerGroup)).PendingMessageCount;
        }

        return pending;
    }
}

/// <summary>What one stall run produced, for its assertions.</summary>
internal sealed record StallRun(RunReport Load, JobAccounting Jobs, JobAudit Audit, long Pending, long Reclaimed);
