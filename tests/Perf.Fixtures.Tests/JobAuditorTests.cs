using System.Globalization;
using Perf.Fixtures.Accounting;
using Perf.Fixtures.JobSystems;
using Perf.Model.Settings;
using StackExchange.Redis;
using SystemUnderTest.Contracts;

namespace Perf.Fixtures.Tests;

/// <summary>The id audit's classification on a real Redis, with lost, double, unknown and mismatched ids planted as the SUT would leave them.</summary>
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class JobAuditorTests(ITestOutputHelper output) : IAsyncLifetime
{
    private StandaloneRedis? _redis;
    private ConnectionMultiplexer? _connection;

    private IDatabase Db => _connection!.GetDatabase();

    private RedisStreamsJobSystem Target => new(_connection!, StoreKind.Redis);

    public async ValueTask InitializeAsync()
    {
        _redis = await StandaloneRedis.StartAsync(TestContext.Current.CancellationToken);
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
    }

    [Fact]
    public async Task EachIdIsClassifiedByItsOutcomesInTheStoreAndTheDeadLetterStreams()
    {
        await StoreAsync("stored-1", "stored-2", "stored-3", "twice-stored", "unknown-stored");
        await DeadLetterAsync("jobs:payments:dead", "dead-1", "twice-stored", "twice-dead", "unknown-dead");
        await DeadLetterAsync("jobs:notifications:dead", "twice-dead");
        await StateAsync("completed", "stored-1", "stored-2");
        await StateAsync("failed", "dead-1");
        await StateAsync("queued", "lost-queued", "stored-3");
        string[] ledger = ["stored-1", "stored-2", "stored-3", "dead-1", "twice-stored", "twice-dead", "lost-queued", "lost-no-state", "stored-1"];

        var audit = await JobAuditor.AuditAsync(Target, ledger, drained: true, sutCounts: (4, 5), "ledger.txt.gz", TestContext.Current.CancellationToken);

        audit.IdsChecked.Should().Be(8);
        audit.LedgerRepeats.Should().Be(1, "stored-1 was recorded twice by the clients");
        audit.Stored.Should().Be(3);
        audit.DeadLettered.Should().Be(1);
        audit.Lost.Should().Be(2);
        audit.LostSample.Should().BeEquivalentTo("lost-queued (job state: queued)", "lost-no-state (job state: missing)");
        audit.Double.Should().Be(2);
        audit.DoubleSample.Should().BeEquivalentTo("twice-stored (stored and dead-lettered 1x)", "twice-dead (dead-lettered 2x)");
        audit.Unknown.Should().Be(2);
        audit.UnknownSample.Should().BeEquivalentTo("unknown-stored (stored)", "unknown-dead (dead-lettered)");
        audit.StateMismatches.Should().Be(1);
        audit.StateMismatchSample.Should().Equal("stored-3 (stored, job state: queued)");
        audit.CounterDisagreements.Should().Equal("the SUT counted 4 processed, the store holds 5 result(s)");
        audit.Store.Should().Be("Redis result:{id}");
        audit.LedgerFile.Should().Be("ledger.txt.gz");
        audit.Breaches().Should().HaveCount(3).And.Contain(b => b.Contains("2 accepted job id(s) have no outcome", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CleanRunHasNoBreachAndAQueueThatDidNotDrainIsOne()
    {
        await StoreAsync("a", "b");
        await DeadLetterAsync("jobs:payments:dead", "c");
        await StateAsync("completed", "a", "b");
        await StateAsync("failed", "c");

        var clean = await JobAuditor.AuditAsync(Target, ["a", "b", "c"], drained: true, sutCounts: (2, 1), null, TestContext.Current.CancellationToken);
        var undrained = await JobAuditor.AuditAsync(Target, ["a", "b", "c"], drained: false, sutCounts: null, null, TestContext.Current.CancellationToken);

        clean.Breaches().Should().BeEmpty();
        clean.CounterDisagreements.Should().BeEmpty();
        clean.StateMismatches.Should().Be(0);
        undrained.Breaches().Should().ContainSingle().Which.Should().Contain("did not drain");
    }

    [Fact]
    public async Task LargeLedgerIsAuditedInBatchesWithEveryIdCounted()
    {
        const int Jobs = 50_000;
        var ids = Enumerable.Range(0, Jobs).Select(i => i.ToString("x32", CultureInfo.InvariantCulture)).ToArray();
        var batch = Db.CreateBatch();
        var writes = ids.Select((id, i) => i % 100 == 0
            ? batch.StreamAddAsync("jobs:payments:dead", [new NameValueEntry("id", id)])
            : (Task)batch.StringSetAsync(RedisKeys.Result(id), "{}")).ToList();
        writes.AddRange(ids.Select((id, i) => (Task)batch.HashSetAsync(RedisKeys.Job(id), JobFields.Status, i % 100 == 0 ? JobStatuses.Failed : JobStatuses.Completed)));
        batch.Execute();
        await Task.WhenAll(writes);

        var audit = await JobAuditor.AuditAsync(Target, ids.Skip(1), drained: true, sutCounts: null, null, TestContext.Current.CancellationToken);

        output.WriteLine($"audited {audit.IdsChecked} ids in {audit.AuditSeconds:0.000} s");
        audit.IdsChecked.Should().Be(Jobs - 1);
        audit.DeadLettered.Should().Be((Jobs / 100) - 1);
        audit.Stored.Should().Be(Jobs - (Jobs / 100));
        audit.Lost.Should().Be(0);
        audit.Unknown.Should().Be(1, "the id left out of the ledger is in the dead-letter stream");
        audit.StateMismatches.Should().Be(0);
    }

    private async Task StoreAsync(params string[] ids) =>
        await Task.WhenAll(ids.Select(id => Db.StringSetAsync(RedisKeys.Result(id), "{}")));

    private async Task DeadLetterAsync(string stream, params string[] ids)
    {
        foreach (var id in ids)
        {
            await Db.StreamAddAsync(stream, [new NameValueEntry("id", id), new NameValueEntry("reason", "test")]);
        }
    }

    private async Task StateAsync(string status, params string[] ids) =>
        await Task.WhenAll(ids.Select(id => Db.HashSetAsync(RedisKeys.Job(id), JobFields.Status, status)));

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
