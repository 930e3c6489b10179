using System.Text;
using Perf.Fixtures.Containers;
using Perf.Fixtures.JobSystems;
using Perf.Model.Settings;
using StackExchange.Redis;
using SystemUnderTest.Contracts;

namespace Perf.Fixtures.Tests;

/// <summary>The worker readiness checks against a real Redis: Redis Streams (a named connection and the consumer group on every stream) and BullMQ (a worker connection per queue, named as BullMQ names it).</summary>
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
        var wait = new WorkerReadyWait(new RedisStreamsJobSystem(_probe!, StoreKind.Redis), "worker-7");
        (await wait.UntilAsync(null!)).Should().BeFalse("no connection is named worker-7 yet");

        await using var worker = await ConnectionMultiplexer.ConnectAsync(_redis!.ConnectionString + ",name=worker-7");
        (await wait.UntilAsync(null!)).Should().BeFalse("the streams and their groups do not exist yet");

        foreach (var stream in Streams)
        {
            await worker.GetDatabase().StreamAddAsync(stream, "probe", "1");
        }

        (await wait.UntilAsync(null!)).Should().BeFalse("the streams exist but have no consumer group yet");

        await worker.GetDatabase().StreamCreateConsumerGroupAsync(Streams[0], RedisKeys.ConsumerGroup, StreamPosition.NewMessages, createStream: true);
        (await wait.UntilAsync(null!)).Should().BeFalse($"{Streams[1]} has no group yet");

        await worker.GetDatabase().StreamCreateConsumerGroupAsync(Streams[1], RedisKeys.ConsumerGroup, StreamPosition.NewMessages, createStream: true);
        (await wait.UntilAsync(null!)).Should().BeTrue();
    }

    [Fact]
    public async Task AnotherWorkersConnectionDoesNotCount()
    {
        await using var other = await ConnectionMultiplexer.ConnectAsync(_redis!.ConnectionString + ",name=worker-8");
        foreach (var stream in Streams)
        {
            await other.GetDatabase().StreamCreateConsumerGroupAsync(stream, RedisKeys.ConsumerGroup, StreamPosition.NewMessages, createStream: true);
        }

        (await new WorkerReadyWait(new RedisStreamsJobSystem(_probe!, StoreKind.Redis), "worker-9").UntilAsync(null!)).Should().BeFalse();
    }

    [Fact]
    public async Task BullmqWorkerIsReadyOnlyWithItsConnectionOnEveryQueue()
    {
        string[] queues = ["payments", "notifications"];
        var wait = new WorkerReadyWait(new BullmqJobSystem(_probe!, queues), "worker-3");
        (await wait.UntilAsync(null!)).Should().BeFalse("no BullMQ worker connection exists yet");

        // BullMQ names a worker's connection <prefix>:<base64(queue)>:w:<worker name> (RedisQueueBackend.clientName).
        string Name(string queue) => $"bull:{Convert.ToBase64String(Encoding.UTF8.GetBytes(queue))}:w:worker-3";
        await using var first = await ConnectionMultiplexer.ConnectAsync(_redis!.ConnectionString + $",name={Name(queues[0])}");
        (await wait.UntilAsync(null!)).Should().BeFalse($"worker-3 has no worker on {queues[1]} yet");

        await using var second = await ConnectionMultiplexer.ConnectAsync(_redis!.ConnectionString + $",name={Name(queues[1])}");
        (await wait.UntilAsync(null!)).Should().BeTrue();
        (await new WorkerReadyWait(new BullmqJobSystem(_probe!, queues), "worker-4").UntilAsync(null!)).Should().BeFalse("worker-3's connections are not worker-4's");
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
