using System.Diagnostics;
using Perf.Engine;
using Perf.Fixtures;
using Perf.Fixtures.Accounting;
using Perf.Fixtures.Containers;
using Perf.Reliability.Tests.Infrastructure;
using StackExchange.Redis;
using SystemUnderTest.Contracts;

namespace Perf.Reliability.Tests;

/// <summary>A worker SIGKILLed under load: its unacknowledged jobs are reclaimed by the others, none lost, none counted twice.</summary>
[Trait(TestTraits.Category, TestTraits.Reliability)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class WorkerLossTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KilledWorkerLosesNoJobAndCountsNoneTwice()
    {
        var log = new TestLog(output);
        using var bound = TestBound.Within(TimeSpan.FromMinutes(2));
        // 200 ms per job: each worker holds ~8 jobs in flight, so the SIGKILL always orphans some. Reclaim after 2 s
        // idle (SUT default 30 s) so the survivors take them over within the run.
        var settings = ReliabilitySettings.Baseline("fault-worker") with
        {
            WorkerCount = 2,
            SimulatedDownstreamMs = 200,
            WorkerReclaimIdleMs = 2000,
        };
        await using var environment = await PerfEnvironment.StartAsync(settings, log.Write, bound.Token);
        var profile = FaultLoad.Jobs(environment.ApiBaseUrl);

        var clock = Stopwatch.StartNew();
        var ledger = FaultLoad.NewLedger(profile);
        var run = new LoadRunner().RunAsync(profile, FaultLoad.Options("fault-worker", log.Write, ledger), bound.Token);
        // Fault schedule, relative to the run start: these delays hold the load (and later the outage) open on purpose.
        await Task.Delay(TimeSpan.FromSeconds(6), bound.Token);
        // KillWorkerAsync takes the first worker; kill it only while it holds unacknowledged jobs, or the fault proves nothing.
        var victimName = environment.Containers.First(c => c.Role == ContainerRole.Worker).DisplayName;
        await Eventually.WaitAsync($"{victimName} to hold unacknowledged jobs (so that the SIGKILL orphans some)", TimeSpan.FromSeconds(10),
            async _ => await PendingOfAsync(environment.Redis.GetDatabase(), victimName) > 0, null, bound.Token);
        var killedAt = clock.Elapsed;
        var victim = await environment.KillWorkerAsync(bound.Token);
        victim.DisplayName.Should().Be(victimName);
        // What the dead consumer still owns can only be finished by a reclaim (it may have acked its last jobs
        // between the check above and the SIGKILL, so this is measured, not assumed).
        var orphaned = await PendingOfAsync(environment.Redis.GetDatabase(), victimName);
        await Task.Delay(TimeSpan.FromSeconds(6), bound.Token);
        var replacement = await environment.StartReplacementWorkerAsync(bound.Token);
        var replacedAt = clock.Elapsed;
        var load = await run;
        log.Write($"load done: {FaultLoad.Describe(load)}");

        var jobs = await JobAccountant.SettleAsync(environment, JobAccountant.AcceptedByClients(load), bound.Token);
        var counters = await environment.JobSystem.CountersAsync();
        var audit = await JobAuditor.AuditAsync(environment, FaultLoad.Ids(ledger), jobs, ledgerFile: null, bound.Token);
        log.Write($"audit of {audit.IdsChecked} ids in {audit.AuditSeconds:0.000} s: stored {audit.Stored}, dead-lettered {audit.DeadLettered}, " +
                  $"lost {audit.Lost}, double {audit.Double}, unknown {audit.Unknown}; counters: {string.Join(" | ", audit.CounterDisagreements)}");
        log.Write($"fault window: {victim.DisplayName} SIGKILLed at {killedAt.TotalSeconds:0.0} s, {replacement.DisplayName} ready at " +
                  $"{replacedAt.TotalSeconds:0.0} s (run {profile.TotalDuration.TotalSeconds:0} s)");
        log.Write($"jobs: accepted {jobs.Accepted} (clients {jobs.AcceptedByClients}, SUT {jobs.AcceptedBySut}), processed {jobs.Processed}, " +
                  $"dead-lettered {jobs.DeadLettered}, still queued {jobs.StillQueued}, lost {jobs.Lost}, duplicates {jobs.Duplicates}, " +
                  $"reclaimed {counters.Retried}, drained {jobs.Drained} in {jobs.DrainSeconds} s; notes: {string.Join(" | ", jobs.Notes)}");

        load.Cancelled.Should().BeFalse();
        JobAccountant.AcceptedByClients(load).Should().BeGreaterThan(1000, "the run must actually submit jobs around the fault");
        log.Write($"entries orphaned by the SIGKILL: {orphaned}, reclaimed by other workers: {counters.Retried}");
        counters.Retried.Should().BeGreaterThanOrEqualTo(orphaned, "every entry the killed worker held must be reclaimed by another worker");
        jobs.Drained.Should().BeTrue("every accepted job must be finished after the fault");
        jobs.Lost.Should().Be(0, "a killed worker must not lose accepted jobs");
        jobs.StillQueued.Should().Be(0);
        (jobs.Processed + jobs.DeadLettered).Should().BeLessThanOrEqualTo(jobs.Accepted, "a redelivered job must not be counted twice");
        jobs.Processed.Should().Be(jobs.Accepted, "no failures were injected into the downstream call");
        audit.IdsChecked.Should().Be(JobAccountant.AcceptedByClients(load), "the ledger holds one id per 202 answer");
        audit.Breaches().Should().BeEmpty("every accepted job has exactly one outcome, checked id by id in the store and the dead letters");
        audit.Stored.Should().Be(audit.IdsChecked, "no failures were injected, so every job is stored");
        jobs.Duplicates.Should().BeLessThanOrEqualTo(counters.Retried, "a second store of a job can only come from a redelivery");
    }

    private static async Task<long> PendingOfAsync(IDatabase db, string consumer)
    {
        long pending = 0;
        foreach (var stream in PerfEnvironment.JobStreams)
        {
            var info = await db.StreamPendingAsync(stream, RedisKeys.ConsumerGroup);
            pending += info.Consumers.Where(c => c.Name == consumer).Sum(c => (long)c.PendingMessageCount);
        }

        return pending;
    }
}
