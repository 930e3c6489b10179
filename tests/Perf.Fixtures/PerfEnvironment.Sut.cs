using System.Globalization;
using DotNet.Testcontainers.Builders;
using Perf.Fixtures.Containers;
using Perf.Fixtures.Environment;
using Testcontainers.MongoDb;

namespace Perf.Fixtures;

public sealed partial class PerfEnvironment
{
    private const int ContainerApiPort = 8080;
    private const int ContainerMongoPort = 27017;
    private static readonly HttpClient ReadinessClient = new() { Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>The job streams whose consumer groups the workers join (docs/system-under-test.md), named by the SUT's own RedisKeys.</summary>
    public static IReadOnlyList<string> JobStreams { get; } = SystemUnderTest.Redis.RedisKeys.JobStreams;

    private Dictionary<string, string> SutEnvironment(string? mongoConnection) => new()
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
                .WithLabel(ContainerLabels.Owner, ContainerLabels.OwnerValue)
                .WithNetwork(_network).WithNetworkAliases("mongo")
                .Build();
            running = new RunningContainer("mongo", ContainerRole.Mongo, mongo);
            sutConnection = $"mongodb://{MongoDbBuilder.DefaultUsername}:{MongoDbBuilder.DefaultPassword}@mongo:{ContainerMongoPort}/?authSource=admin";
        }
        else
        {
            // The Mongo module publishes a port, which host networking cannot have: a plain container on a loopback port.
            var port = LoopbackPorts.Next();
            var mongo = ContainerBlueprint.Create(Settings.MongoImage, $"perftests-{RunId}-mongo", RunId, Settings.Network, _network, "mongo")
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

        await StartOrExplainAsync(running, ct).ConfigureAwait(false);
        MongoHostConnectionString = running.Container is MongoDbContainer module ? module.GetConnectionString() : sutConnection;
        return sutConnection;
    }

    private async Task StartApiAsync(string? mongoConnection, CancellationToken ct)
    {
        var hostPort = Settings.Network == NetworkMode.Host ? LoopbackPorts.Next() : ContainerApiPort;
        var builder = ContainerBlueprint.Create(Settings.SutImage, $"perftests-{RunId}-api", RunId, Settings.Network, _network, "api")
            .WithEnvironment(SutEnvironment(mongoConnection))
            .WithEnvironment("Urls", Settings.Network == NetworkMode.Host ? $"http://127.0.0.1:{hostPort}" : $"http://0.0.0.0:{ContainerApiPort}")
            .WithCommand("--role", "api");
        if (Settings.Network == NetworkMode.Bridge)
        {
            builder = builder.WithPortBinding(ContainerApiPort, assignRandomHostPort: true);
        }

        var running = new RunningContainer("api", ContainerRole.Api, builder.Build());
        _containers.Add(running);
        await StartOrExplainAsync(running, ct).ConfigureAwait(false);
        var port = Settings.Network == NetworkMode.Host ? hostPort : running.Container.GetMappedPublicPort(ContainerApiPort);
        ApiBaseUrl = new Uri($"http://127.0.0.1:{port}");
        await Readiness.WaitAsync($"the API's GET {ApiBaseUrl}health to answer 200", Settings.StartTimeout,
            async token => (await ReadinessClient.GetAsync(new Uri(ApiBaseUrl, "health"), token).ConfigureAwait(false)).IsSuccessStatusCode,
            token => ExitedBecauseAsync(running), ct).ConfigureAwait(false);
    }

    private async Task<RunningContainer> StartWorkerAsync(string? mongoConnection, CancellationToken ct)
    {
        var index = Interlocked.Increment(ref _workerSequence);
        var consumer = $"worker-{index}";
        var container = ContainerBlueprint.Create(Settings.SutImage, $"perftests-{RunId}-{consumer}", RunId, Settings.Network, _network, consumer)
            .WithEnvironment(SutEnvironment(mongoConnection))
            .WithEnvironment("Worker__ConsumerName", consumer)
            .WithEnvironment("Redis__ConnectionString", SutRedisConnectionString() + $",name={consumer}")
            .WithCommand("--role", "worker")
            .Build();
        var running = new RunningContainer(consumer, ContainerRole.Worker, container);
        lock (_containers)
        {
            _containers.Add(running);
        }

        await StartOrExplainAsync(running, ct).ConfigureAwait(false);
        // A worker is ready when its named connection is open and the consumer groups exist (it creates them before
        // its first read). Redis 7.0 registers a consumer only when a read returns entries, so XINFO CONSUMERS cannot tell.
        await Readiness.WaitAsync($"{consumer} to connect to Redis (client name '{consumer}') with consumer group 'workers' on {string.Join(", ", JobStreams)}",
            Settings.StartTimeout,
            async _ =>
            {
                var server = Redis.GetServers().First();
                if (!(await server.ClientListAsync().ConfigureAwait(false)).Any(c => c.Name == consumer))
                {
                    return false;
                }

                foreach (var stream in JobStreams)
                {
                    if (!await Redis.GetDatabase().KeyExistsAsync(stream).ConfigureAwait(false) ||
                        !(await Redis.GetDatabase().StreamGroupInfoAsync(stream).ConfigureAwait(false)).Any(g => g.Name == "workers"))
                    {
                        return false;
                    }
                }

                return true;
            },
            token => ExitedBecauseAsync(running), ct).ConfigureAwait(false);
        return running;
    }

    private async Task<string?> ExitedBecauseAsync(RunningContainer running)
    {
        // Testcontainers caches the state it last saw; ask Docker for the current one.
        var inspect = await Docker!.Client.Containers.InspectContainerAsync(running.Id).ConfigureAwait(false);
        if (inspect.State is null || inspect.State.Running)
        {
            return null;
        }

        return $"container '{running.DisplayName}' exited with code {inspect.State.ExitCode}.\n--- its log ---\n{await running.TailLogAsync().ConfigureAwait(false)}";
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
