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

    /// <summary>The job streams whose consumer groups the workers join (docs/system-under-test.md).</summary>
    public static IReadOnlyList<string> JobStreams { get; } = ["jobs:payments", "jobs:notifications"];

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
                .WithNetwork(network).WithNetworkAliases("mongo")
                .Build();
            running = new RunningContainer("mongo", ContainerRole.Mongo, mongo);
            sutConnection = $"mongodb://{MongoDbBuilder.DefaultUsername}:{MongoDbBuilder.DefaultPassword}@mongo:{ContainerMongoPort}/?authSource=admin";
        }
        else
        {
            // The Mongo module publishes a port, which host networking cannot have: a plain container on a loopback port.
            var port = LoopbackPorts.Next();
            var mongo = ContainerBlueprint.Create(Settings.MongoImage, $"perftests-{RunId}-mongo", RunId, Settings.Network, network, "mongo")
                .WithCommand("--bind_ip", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture))
                .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Waiting for connections"))
                .Build();
            running = new RunningContainer("mongo", ContainerRole.Mongo, mongo);
            sutConnection = $"mongodb://127.0.0.1:{port}";
        }

        lock (containers)
        {
            containers.Add(running);
        }

        await StartOrExplainAsync(running, ct).ConfigureAwait(false);
        MongoHostConnectionString = running.Container is MongoDbContainer module ? module.GetConnectionString() : sutConnection;
        return sutConnection;
    }

    private async Task StartApiAsync(string? mongoConnection, CancellationToken ct)
    {
        var hostPort = Settings.Network == NetworkMode.Host ? LoopbackPorts.Next() : ContainerApiPort;
        var builder = ContainerBlueprint.Create(Settings.SutImage, $"perftests-{RunId}-api", RunId, Settings.Network, network, "api")
            .WithEnvironment(SutEnvironment(mongoConnection))
            .WithEnvironment("Urls", Settings.Network == NetworkMode.Host ? $"http://127.0.0.1:{hostPort}" : $"http://0.0.0.0:{ContainerApiPort}")
            .WithCommand("--role", "api");
        if (Settings.Network == NetworkMode.Bridge)
        {
            builder = builder.WithPortBinding(ContainerApiPort, assignRandomHostPort: true);
        }

        var running = new RunningContainer("api", ContainerRole.Api, builder.Build());
        containers.Add(running);
        await StartOrExplainAsync(running, ct).ConfigureAwait(false);
        var port = Settings.Network == NetworkMode.Host ? hostPort : running.Container.GetMappedPublicPort(ContainerApiPort);
        ApiBaseUrl = new Uri($"http://127.0.0.1:{port}");
        await Readiness.WaitAsync($"the API's GET {ApiBaseUrl}health to answer 200", Settings.StartTimeout,
            async token => (await ReadinessClient.GetAsync(new Uri(ApiBaseUrl, "health"), token).ConfigureAwait(false)).IsSuccessStatusCode,
            token => ExitedBecauseAsync(running), ct).ConfigureAwait(false);
    }

    private async Task<RunningContainer> StartWorkerAsync(string? mongoConnection, CancellationToken ct)
    {
        var index = Interlocked.Increment(ref workerSequence);
        var consumer = $"worker-{index}";
        var container = ContainerBlueprint.Create(Settings.SutImage, $"perftests-{RunId}-{consumer}", RunId, Settings.Network, network, consumer)
            .WithEnvironment(SutEnvironment(mongoConnection))
            .WithEnvironment("Worker__ConsumerName", consumer)
            .WithCommand("--role", "worker")
            .Build();
        var running = new RunningContainer(consumer, ContainerRole.Worker, container);
        lock (containers)
        {
            containers.Add(running);
        }

        await StartOrExplainAsync(running, ct).ConfigureAwait(false);
        // A worker is ready when it has joined the consumer group of every job stream (its first XREADGROUP).
        await Readiness.WaitAsync($"{consumer} to join consumer group 'workers' on {string.Join(", ", JobStreams)}", Settings.StartTimeout,
            async _ =>
            {
                foreach (var stream in JobStreams)
                {
                    var consumers = await Redis.GetDatabase().StreamConsumerInfoAsync(stream, "workers").ConfigureAwait(false);
                    if (!consumers.Any(c => c.Name == consumer))
                    {
                        return false;
                    }
                }

                return true;
            },
            token => ExitedBecauseAsync(running), ct).ConfigureAwait(false);
        return running;
    }

    private static async Task<string?> ExitedBecauseAsync(RunningContainer running)
    {
        if (running.Container.State is not (DotNet.Testcontainers.Containers.TestcontainersStates.Exited or DotNet.Testcontainers.Containers.TestcontainersStates.Dead))
        {
            return null;
        }

        var code = await running.Container.GetExitCodeAsync().ConfigureAwait(false);
        return $"container '{running.DisplayName}' exited with code {code}.\n--- its log ---\n{await running.TailLogAsync().ConfigureAwait(false)}";
    }

    /// <summary>SIGKILLs a worker (no graceful shutdown: its pending entries stay unacknowledged).</summary>
    public async Task<RunningContainer> KillWorkerAsync(CancellationToken ct)
    {
        var victim = containers.First(c => c.Role == ContainerRole.Worker);
        await Docker!.KillAsync(victim.Id, ct).ConfigureAwait(false);
        log($"fault: SIGKILL {victim.DisplayName}");
        return victim;
    }

    /// <summary>Starts one more worker with a new consumer name, as a replacement would come up.</summary>
    public Task<RunningContainer> StartReplacementWorkerAsync(CancellationToken ct) =>
        StartWorkerAsync(sutMongoConnection, ct);

    /// <summary>Stops Redis (a clean outage of the server process); <see cref="StartRedisAsync"/> brings it back on the same port.</summary>
    public async Task StopRedisAsync(CancellationToken ct)
    {
        await RedisContainer!.Container.StopAsync(ct).ConfigureAwait(false);
        log("fault: Redis stopped");
    }

    public async Task StartRedisAsync(CancellationToken ct)
    {
        await RedisContainer!.Container.StartAsync(ct).ConfigureAwait(false);
        await Readiness.WaitAsync("Redis to answer PING again after the outage", Settings.StartTimeout,
            async _ => (await Redis.GetDatabase().PingAsync().ConfigureAwait(false)) >= TimeSpan.Zero, null, ct).ConfigureAwait(false);
        log("fault: Redis started again");
    }
}
