using System.Globalization;
using SystemUnderTest.Contracts;
using DotNet.Testcontainers.Builders;
using Perf.Fixtures.Containers;
using Perf.Model.Settings;
using Testcontainers.MongoDb;

namespace Perf.Fixtures;

public sealed partial class PerfEnvironment
{
    private const int ContainerApiPort = 8080;
    private const int ContainerMongoPort = 27017;
    private static readonly TimeSpan ReadinessInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The job streams whose consumer groups the workers join (docs/system-under-test.md), named by the SUT's own RedisKeys.</summary>
    public static IReadOnlyList<string> JobStreams { get; } = RedisKeys.JobStreams;

    private ContainerBlueprint Blueprint => ContainerBlueprint.ForRun(RunId).On(Settings.Network, _network);

    private Dictionary<string, string> SutEnvironment(string? mongoConnection) => new(TelemetryPassthrough.From(Environment.GetEnvironmentVariables()))
    {
        ["Redis__ConnectionString"] = SutRedisConnectionString(),
        ["Redis__PoolSize"] = Settings.RedisPoolSize.ToString(CultureInfo.InvariantCulture),
        ["Store__Kind"] = Settings.Store == StoreKind.Mongo ? "mongo" : "redis",
        ["Store__MongoConnectionString"] = mongoConnection ?? "mongodb://127.0.0.1:1",
        ["Store__MongoMaxPoolSize"] = Settings.MongoMaxPoolSize.ToString(CultureInfo.InvariantCulture),
        ["Worker__Concurrency"] = Settings.WorkerConcurrency.ToString(CultureInfo.InvariantCulture),
        ["Worker__SimulatedDownstreamMs"] = Settings.SimulatedDownstreamMs.ToString(CultureInfo.InvariantCulture),
        ["Worker__FailureRate"] = Settings.WorkerFailureRate.ToString(CultureInfo.InvariantCulture),
        ["Worker__ReclaimIdleMs"] = Settings.WorkerReclaimIdleMs.ToString(CultureInfo.InvariantCulture),
        ["Api__BackpressureEnabled"] = Settings.BackpressureEnabled ? "true" : "false",
        ["Api__BackpressureMaxLag"] = Settings.BackpressureMaxLag.ToString(CultureInfo.InvariantCulture),
        ["Api__MemoryAdmissionPercent"] = Settings.MemoryAdmissionPercent.ToString(CultureInfo.InvariantCulture),
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private async Task<string?> StartMongoAsync(CancellationToken ct)
    {
        RunningContainer running;
        string sutConnection;
        if (Settings.Network == NetworkMode.Bridge)
        {
            var mongo = new MongoDbBuilder(Settings.MongoImage)
                .WithName($"perftests-{RunId}-mongo")
                .WithLabel(ContainerLabels.ForRun(RunId))
                .WithNetwork(_network).WithNetworkAliases("mongo")
                .WithCreateParameterModifier(LoopbackPorts.BindPublishedPorts)
                .Build();
            running = new RunningContainer("mongo", ContainerRole.Mongo, mongo);
            sutConnection = $"mongodb://{MongoDbBuilder.DefaultUsername}:{MongoDbBuilder.DefaultPassword}@mongo:{ContainerMongoPort}/?authSource=admin";
        }
        else
        {
            // The Mongo module publishes a port, which host networking cannot have: a plain container on a loopback port.
            var port = LoopbackPorts.Next();
            var mongo = Blueprint.Build(Settings.MongoImage, "mongo")
                .WithCommand("--bind_ip", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture))
                .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Waiting for connections"))
                .Build();
            running = new RunningContainer("mongo", ContainerRole.Mongo, mongo);
            sutConnection = $"mongodb://127.0.0.1:{port}";
        }

        lock (_containers)
        {
            _containers.Add(running);
        }

        await StartOrExplainAsync(running, "MongoDB to wait for connections", ct).ConfigureAwait(false);
        MongoHostConnectionString = running.Container is MongoDbContainer module ? module.GetConnectionString() : sutConnection;
        return sutConnection;
    }

    private async Task StartApiAsync(string? mongoConnection, CancellationToken ct)
    {
        var hostMode = Settings.Network == NetworkMode.Host;
        var hostPort = hostMode ? LoopbackPorts.Next() : ContainerApiPort;
        var builder = Blueprint.Build(Settings.SystemImage, "api")
            .WithEnvironment(SutEnvironment(mongoConnection))
            .WithEnvironment("Urls", hostMode ? $"http://127.0.0.1:{hostPort}" : $"http://0.0.0.0:{ContainerApiPort}")
            .WithCommand("--role", "api");
        // Host networking has no mapped port for Testcontainers' HTTP wait to ask for (see HealthEndpointWait).
        builder = hostMode
            ? builder.WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(
                new HealthEndpointWait(new Uri($"http://127.0.0.1:{hostPort}/")), o => o.WithInterval(ReadinessInterval)))
            : builder.WithPortBinding(ContainerApiPort, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(
                    request => request.ForPort(ContainerApiPort).ForPath("/health"), o => o.WithInterval(ReadinessInterval)));

        var running = new RunningContainer("api", ContainerRole.Api, builder.Build());
        _containers.Add(running);
        await StartOrExplainAsync(running, "GET /health to answer 200", ct).ConfigureAwait(false);
        var port = hostMode ? hostPort : running.Container.GetMappedPublicPort(ContainerApiPort);
        ApiBaseUrl = new Uri($"http://127.0.0.1:{port}");
    }

    private async Task<RunningContainer> StartWorkerAsync(string? mongoConnection, CancellationToken ct)
    {
        var index = Interlocked.Increment(ref _workerSequence);
        var consumer = $"worker-{index}";
        var ready = new WorkerReadyWait(JobSystem, consumer);
        var container = Blueprint.Build(Settings.SystemImage, consumer)
            .WithEnvironment(SutEnvironment(mongoConnection))
            .WithEnvironment("Worker__ConsumerName", consumer)
            .WithEnvironment("Redis__ConnectionString", SutRedisConnectionString() + $",name={consumer}")
            .WithCommand("--role", "worker")
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(ready, o => o.WithInterval(ReadinessInterval)))
            .Build();
        var running = new RunningContainer(consumer, ContainerRole.Worker, container);
        lock (_containers)
        {
            _containers.Add(running);
        }

        await StartOrExplainAsync(running, ready.Describe(), ct).ConfigureAwait(false);
        return running;
    }

    /// <summary>SIGKILLs a worker (no graceful shutdown: its pending entries stay unacknowledged).</summary>
    public async Task<RunningContainer> KillWorkerAsync(CancellationToken ct)
    {
        var victim = _containers.First(c => c.Role == ContainerRole.Worker);
        await Docker!.KillAsync(victim.Id, ct).ConfigureAwait(false);
        _log($"fault: SIGKILL {victim.DisplayName}");
        return victim;
    }

    /// <summary>Starts one more worker with a new consumer name, as a replacement would come up.</summary>
    public Task<RunningContainer> StartReplacementWorkerAsync(CancellationToken ct) =>
        StartWorkerAsync(_sutMongoConnection, ct);

    /// <summary>Stops Redis (a clean outage of the server process); <see cref="StartRedisAsync"/> brings it back on the same port.</summary>
    public async Task StopRedisAsync(CancellationToken ct)
    {
        await RedisContainer!.Container.StopAsync(ct).ConfigureAwait(false);
        _log("fault: Redis stopped");
    }

    public async Task StartRedisAsync(CancellationToken ct)
    {
        await RedisContainer!.Container.StartAsync(ct).ConfigureAwait(false);
        await WaitForRedisPingAsync("Redis to answer PING again after the outage", ct).ConfigureAwait(false);
        _log("fault: Redis started again");
    }
}
