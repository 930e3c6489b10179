using Perf.Fixtures.Containers;
using StackExchange.Redis;

namespace Perf.Fixtures.Tests;

/// <summary>The worker readiness check against a real Redis: a named connection and the consumer group on every stream.</summary>
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class WorkerReadyWaitTests : IAsyncLifetime
{
    private static readonly string[] Streams = ["jobs:payments", "jobs:notifications"];
    private StandaloneRedis? _redis;
    private ConnectionMultiplexer? _probe;

    public async ValueTask InitializeAsync()
    {
        _redis = await StandaloneRedis.StartAsync(TestContext.Current.CancellationToken);
        _probe = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString + ",allowAdmin=true");
    }

    [Fact]
    public async Task WorkerIsReadyOnlyOnceConnectedUnderItsNameWithTheGroupOnEveryStream()
    {
        var wait = new WorkerReadyWait(_probe!, "worker-7", Streams, "workers");
        (await wait.UntilAsync(null!)).Should().BeFalse("no connection is named worker-7 yet");

        await using var worker = await ConnectionMultiplexer.ConnectAsync(_redis!.ConnectionString + ",name=worker-7");
        (await wait.UntilAsync(null!)).Should().BeFalse("the streams and their groups do not exist yet");

        foreach (var stream in Streams)
        {
            await worker.GetDatabase().StreamAddAsync(stream, "probe", "1");
        }

        (await wait.UntilAsync(null!)).Should().BeFalse("the streams exist but have no consumer group yet");

        await worker.GetDatabase().StreamCreateConsumerGroupAsync(Streams[0], "workers", StreamPosition.NewMessages, createStream: true);
        (await wait.UntilAsync(null!)).Should().BeFalse($"{Streams[1]} has no group yet");

        await worker.GetDatabase().StreamCreateConsumerGroupAsync(Streams[1], "workers", StreamPosition.NewMessages, createStream: true);
        (await wait.UntilAsync(null!)).Should().BeTrue();
    }

    [Fact]
    public async Task AnotherWorkersConnectionDoesNotCount()
    {
        await using var other = await ConnectionMultiplexer.ConnectAsync(_redis!.ConnectionString + ",name=worker-8");
        foreach (var stream in Streams)
        {
            await other.GetDatabase().StreamCreateConsumerGroupAsync(stream, "workers", StreamPosition.NewMessages, createStream: true);
        }

        (await new WorkerReadyWait(_probe!, "worker-9", Streams, "workers").UntilAsync(null!)).Should().BeFalse();
    }

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null)
        {
            await _probe.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
