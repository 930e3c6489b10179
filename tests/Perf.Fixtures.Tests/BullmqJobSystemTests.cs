using Perf.Fixtures.Accounting;
using Perf.Fixtures.JobSystems;
using Perf.Fixtures.Metrics;
using StackExchange.Redis;

namespace Perf.Fixtures.Tests;

/// <summary>
/// The BullMQ side of the job-system seam on a real Redis, with jobs planted as bullmq 6.7.0 leaves them (its
/// moveToFinished, moveToActive and moveStalledJobsToWait scripts): the same audit rule classifies them by id.
/// </summary>
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class BullmqJobSystemTests : IAsyncLifetime
{
    private static readonly string[] Queues = ["payments", "notifications"];
    private StandaloneRedis? _redis;
    private ConnectionMultiplexer? _connection;

    private IDatabase Db => _connection!.GetDatabase();

    private BullmqJobSystem System => new(_connection!, Queues);

    public async ValueTask InitializeAsync()
    {
        _redis = await StandaloneRedis.StartAsync(CancellationToken.None);
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString + ",allowAdmin=true");
    }

    [Fact]
    public async Task AuditClassifiesEachIdFromBullmqsOwnSetsAndJobHashes()
    {
        await CompletedAsync("payments", "c-1", starts: 1);
        await CompletedAsync("notifications", "c-2", starts: 2);
        // A job that completed after a failed attempt keeps that attempt's failedReason (BullMQ writes it per attempt).
        await Db.HashSetAsync("bull:notifications:c-2", "failedReason", "simulated downstream failure");
        await CompletedAsync("payments", "unknown-c", starts: 1);
        await FailedAsync("payments", "f-1", starts: 3);
        await CompletedAsync("payments", "twice", starts: 1);
        await Db.SortedSetAddAsync("bull:payments:failed", "twice", 2000);
        await Db.HashSetAsync("bull:payments:w-1", [new("timestamp", 1000), new("priority", 0)]);
        await Db.ListLeftPushAsync("bull:payments:wait", "w-1");
        string[] ledger = ["c-1", "c-2", "f-1", "twice", "w-1", "m-1"];

        var audit = await JobAuditor.AuditAsync(System, ledger, drained: true, sutCounts: (4, 2), null, CancellationToken.None);

        audit.JobSystem.Should().Be("BullMQ");
        audit.Store.Should().Be("BullMQ bull:<queue>:completed|failed");
        audit.Stored.Should().Be(2);
        audit.DeadLettered.Should().Be(1);
        audit.Lost.Should().Be(2);
        audit.LostSample.Should().BeEquivalentTo("w-1 (job state: waiting)", "m-1 (job state: missing)");
        audit.Double.Should().Be(1);
        audit.Unknown.Should().Be(1);
        audit.UnknownSample.Should().Equal("unknown-c (stored)");
        audit.StateMismatches.Should().Be(0, "BullMQ's finishedOn and returnvalue agree with the sets, whatever an earlier attempt's failedReason says");
        audit.Redelivered.Should().Be(2, "c-2 and f-1 were started more than once (ats)");
        audit.CounterDisagreements.Should().BeEmpty("4 completed and 2 failed entries are in BullMQ's sets");
    }

    [Fact]
    public async Task QueueStateCountsWaitingDelayedPrioritizedAndActiveJobs()
    {
        await Db.ListLeftPushAsync("bull:payments:wait", ["a", "b"]);
        await Db.SortedSetAddAsync("bull:payments:delayed", "c", 1);
        await Db.SortedSetAddAsync("bull:payments:prioritized", "d", 1);
        await Db.ListLeftPushAsync("bull:payments:active", "e");
        await FailedAsync("notifications", "f", starts: 3);

        var queues = await System.QueuesAsync();

        queues.Should().HaveCount(2);
        queues[0].Should().Be(new Perf.Model.Metrics.QueueState("payments", 5, 1, 4, 0));
        queues[1].Should().Be(new Perf.Model.Metrics.QueueState("notifications", 0, 0, 0, 1));
        var counters = await System.CountersAsync();
        counters.Processed.Should().Be(0);
        counters.DeadLettered.Should().Be(1);
    }

    [Fact]
    public async Task JobLatencyIsFinishedOnMinusTimestampReadOnlyOncePerCompletedJob()
    {
        var system = System;
        await CompletedAsync("payments", "j-1", starts: 1, timestamp: 10_000, finishedOn: 10_250);
        await CompletedAsync("payments", "j-2", starts: 1, timestamp: 10_000, finishedOn: 10_250);

        var first = await system.JobLatencyBucketsAsync();
        await CompletedAsync("notifications", "j-3", starts: 1, timestamp: 10_000, finishedOn: 13_000);
        var second = await system.JobLatencyBucketsAsync();

        first.Should().Equal(new Dictionary<long, long> { [JobLatencyBuckets.BucketOf(250)] = 2 });
        second.Should().Equal(new Dictionary<long, long> { [JobLatencyBuckets.BucketOf(250)] = 2, [JobLatencyBuckets.BucketOf(3000)] = 1 },
            "jobs read once stay counted once, and the new one is added");
        JobLatencyBuckets.Between(first, second).Should().Equal(new Dictionary<long, long> { [JobLatencyBuckets.BucketOf(3000)] = 1 });
    }

    private Task CompletedAsync(string queue, string id, int starts, long timestamp = 1000, long finishedOn = 1250) => FinishAsync(queue, id, starts, timestamp, finishedOn,
        "completed", new HashEntry("returnvalue", "{}"));

    private Task FailedAsync(string queue, string id, int starts) => FinishAsync(queue, id, starts, 1000, 1900,
        "failed", new HashEntry("failedReason", "simulated downstream failure"));

    /// <summary>As moveToFinished leaves a job: the hash with timestamp, processedOn, finishedOn, ats/atm and the outcome field, and the id in the target set scored by finishedOn.</summary>
    private async Task FinishAsync(string queue, string id, int starts, long timestamp, long finishedOn, string set, HashEntry outcome)
    {
        await Db.HashSetAsync($"bull:{queue}:{id}",
        [
            new("name", queue), new("data", "{}"), new("timestamp", timestamp), new("processedOn", timestamp + 5),
            new("finishedOn", finishedOn), new("ats", starts), new("atm", starts), outcome,
        ]);
        await Db.SortedSetAddAsync($"bull:{queue}:{set}", id, finishedOn);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
