using System.Diagnostics;
using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;
using Perf.Engine.Telemetry;
using Perf.Fixtures.Containers;
using Perf.Fixtures.JobSystems;
using Perf.Model.Settings;
using StackExchange.Redis;

namespace Perf.Fixtures;

/// <summary>
/// A running system under test: started here from containers (Redis, optionally MongoDB, the API and N workers,
/// in dependency order with real readiness checks), or an external one the settings point at. Disposing removes
/// every container it started, also after a failed start.
/// </summary>
public sealed partial class PerfEnvironment : IAsyncDisposable
{
    private readonly List<RunningContainer> _containers = [];
    private readonly Action<string> _log;
    private IJobSystem? _jobSystem;
    private INetwork? _network;
    private int _workerSequence;
    private string? _sutMongoConnection;
    private RedisNode? _redisNode;
    private IDisposable? _metricsExport;

    private PerfEnvironment(EnvironmentSettings settings, Action<string> log)
    {
        Settings = settings;
        _log = log;
        RunId = $"{settings.ConfigurationName}-{DateTime.UtcNow:HHmmss}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}";
    }

    public EnvironmentSettings Settings { get; }

    public string RunId { get; }

    public Uri ApiBaseUrl { get; private set; } = new("http://127.0.0.1");

    /// <summary>An admin connection to the SUT's Redis for the probes (INFO, CONFIG GET, streams).</summary>
    public IConnectionMultiplexer Redis { get; private set; } = null!;

    public IReadOnlyList<RunningContainer> Containers => _containers;

    /// <summary>The job system's queues, outcomes and counters, read through the one seam (made on first use, once Redis and any MongoDB run).</summary>
    public IJobSystem JobSystem => _jobSystem ??= JobSystemFactory.For(Settings, Redis, MongoHostConnectionString);

    public DockerGateway? Docker { get; private set; }

    /// <summary>Time from the first container create to the last worker being ready.</summary>
    public TimeSpan ReadyAfter { get; private set; }

    /// <summary>The SUT's MongoDB as the test process reaches it; null where none runs.</summary>
    public string? MongoHostConnectionString { get; private set; }

    /// <summary>Parts that did not run, with why; every report lists them.</summary>
    public IReadOnlyList<string> Unavailable { get; private set; } = [];

    /// <summary>The SUT's Redis as the test process reaches it, with its password (never log it).</summary>
    public string RedisConnectionString => Settings.Mode == TargetMode.External
        ? Settings.ExternalRedisConnectionString!
        : _redisNode!.HostConnectionString;

    private RunningContainer? RedisContainer => _containers.FirstOrDefault(c => c.Role == ContainerRole.Redis);

    public static async Task<PerfEnvironment> StartAsync(EnvironmentSettings settings, Action<string> log, CancellationToken ct)
    {
        var environment = new PerfEnvironment(settings, log);
        try
        {
            environment._metricsExport = OtlpMetricsExport.StartFromEnvironment();
            if (environment._metricsExport is not null)
            {
                log($"engine metrics: exported over OTLP ({OtlpMetricsExport.EndpointVariable} is set; the system's containers get every OTEL_* setting too)");
            }

            if (settings.Mode == TargetMode.External)
            {
                await environment.AttachExternalAsync().ConfigureAwait(false);
            }
            else
            {
                await environment.StartContainersAsync(ct).ConfigureAwait(false);
            }

            return environment;
        }
        catch
        {
            await environment.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task AttachExternalAsync()
    {
        ApiBaseUrl = Settings.ExternalApiUrl!;
        MongoHostConnectionString = Settings.ExternalMongoConnectionString;
        var options = ConfigurationOptions.Parse(Settings.ExternalRedisConnectionString!);
        options.AllowAdmin = true;
        options.AbortOnConnectFail = false;
        Redis = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        Unavailable = Settings.ExternalMongoConnectionString is null
            ? ["Container stats: external mode (nothing started by the suite)", "MongoDB serverStatus: no PERF_MONGO_CONNECTION given"]
            : ["Container stats: external mode (nothing started by the suite)"];
        _log($"external mode: API {ApiBaseUrl}, Redis {string.Join(",", options.EndPoints)}");
    }

    private async Task StartContainersAsync(CancellationToken ct)
    {
        Docker = new DockerGateway();
        var orphans = await Docker.RemoveOrphansAsync(ct).ConfigureAwait(false);
        if (orphans.Count > 0)
        {
            _log($"removed {orphans.Count} container(s) left by an earlier, killed run: {string.Join(", ", orphans)}");
        }

        await Docker.EnsureImageExistsAsync(Settings.RedisImage, "PERF_REDIS_IMAGE", ct).ConfigureAwait(false);
        await Docker.EnsureImageExistsAsync(Settings.SystemImage, Settings.JobSystem == JobSystemKind.Bullmq ? "PERF_BULLMQ_SUT_IMAGE" : "PERF_SUT_IMAGE", ct).ConfigureAwait(false);
        var unavailable = new List<string>();
        if (Settings.Store == StoreKind.Mongo)
        {
            await Docker.EnsureImageExistsAsync(Settings.MongoImage, "PERF_MONGO_IMAGE (or PERF_STORE=redis)", ct).ConfigureAwait(false);
        }
        else
        {
            unavailable.Add("MongoDB: not run (PERF_STORE=redis: results stored in Redis; no MongoDB image on this machine)");
        }

        Unavailable = unavailable;
        var watch = Stopwatch.StartNew();
        if (Settings.Network == NetworkMode.Bridge)
        {
            _network = new NetworkBuilder().WithName($"perftests-{RunId}").WithLabel(ContainerLabels.Owner, ContainerLabels.OwnerValue).Build();
            await _network.CreateAsync(ct).ConfigureAwait(false);
        }

        var mongo = Settings.Store == StoreKind.Mongo ? StartMongoAsync(ct) : Task.FromResult<string?>(null);
        await StartRedisContainerAsync(ct).ConfigureAwait(false);
        _sutMongoConnection = await mongo.ConfigureAwait(false);
        await StartApiAsync(_sutMongoConnection, ct).ConfigureAwait(false);
        await Task.WhenAll(Enumerable.Range(0, Settings.WorkerCount).Select(_ => StartWorkerAsync(_sutMongoConnection, ct))).ConfigureAwait(false);
        ReadyAfter = watch.Elapsed;
        _log($"{Settings.ConfigurationName}: Redis + API + {Settings.WorkerCount} worker(s) ready in {ReadyAfter.TotalSeconds:0.0} s ({Settings.Network} network)");
    }

    private async Task StartRedisContainerAsync(CancellationToken ct)
    {
        _redisNode = RedisNode.Create(Settings, RunId, _network);
        _containers.Add(_redisNode.Running);
        await StartOrExplainAsync(_redisNode.Running, "Redis to log 'Ready to accept connections'", ct).ConfigureAwait(false);
        var options = ConfigurationOptions.Parse(_redisNode.HostConnectionString);
        options.AllowAdmin = true;
        options.ConnectTimeout = 5000;
        options.SyncTimeout = 5000;
        options.ClientName = "perf-probe";
        Redis = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        await WaitForRedisPingAsync("Redis to answer PING from the test process", ct).ConfigureAwait(false);
    }

    private Task<TimeSpan> WaitForRedisPingAsync(string whatFor, CancellationToken ct) =>
        Eventually.WaitAsync(whatFor, Settings.StartTimeout,
            async _ => (await Redis.GetDatabase().PingAsync().ConfigureAwait(false)) >= TimeSpan.Zero, null, ct);

    /// <summary>The Redis address as the SUT's containers see it.</summary>
    private string SutRedisConnectionString() => _redisNode!.NetworkConnectionString;

    /// <summary>Starts a container and waits for its wait strategy (<paramref name="readiness"/>); a failure names the container and shows its log.</summary>
    private async Task StartOrExplainAsync(RunningContainer running, string readiness, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Settings.StartTimeout);
        try
        {
            await running.Container.StartAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (ContainerNotRunningException)
        {
            var exitCode = await running.Container.GetExitCodeAsync(CancellationToken.None).ConfigureAwait(false);
            throw new InvalidOperationException(
                $"Container '{running.DisplayName}' ({running.Container.Image.FullName}) exited with code {exitCode} while waiting for {readiness}." +
                $"\n--- its log ---\n{await running.TailLogAsync().ConfigureAwait(false)}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Container '{running.DisplayName}' ({running.Container.Image.FullName}): waited {Settings.StartTimeout.TotalSeconds:0} s for {readiness} " +
                $"and it did not happen (raise PERF_START_TIMEOUT_S, System:StartTimeoutSeconds in docs/settings.md).\n--- its log ---\n{await running.TailLogAsync().ConfigureAwait(false)}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            var tail = await running.TailLogAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"Container '{running.DisplayName}' ({running.Container.Image.FullName}) did not start: {ex.Message}\n--- its log ---\n{tail}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Redis is not null)
        {
            await Redis.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var container in Enumerable.Reverse(_containers))
        {
            try
            {
                await Docker!.DisposeAndRemoveAsync(container).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _log($"could not remove container {container.DisplayName}: {ex.Message}");
            }
        }

        _containers.Clear();
        if (_network is not null)
        {
            await _network.DisposeAsync().ConfigureAwait(false);
        }

        Docker?.Dispose();
        _metricsExport?.Dispose();
    }
}
