using Perf.Fixtures.JobSystems;
using Perf.Model.Metrics;

namespace Perf.Fixtures.Metrics;

/// <summary>
/// Takes before/after snapshots of a running environment. Every probe is independent: one that fails (Redis
/// down, no /proc, no Mongo) leaves its part null and says why, instead of losing the whole snapshot.
/// </summary>
public sealed class MetricsCollector : IAsyncDisposable
{
    private readonly PerfEnvironment _environment;
    private readonly MongoProbe? _mongo;

    public MetricsCollector(PerfEnvironment environment)
    {
        _environment = environment;
        Redis = new RedisProbe(environment.Redis);
        ContainerStats = new ContainerStatsProbe(environment);
        _mongo = environment.MongoHostConnectionString is { } connection ? new MongoProbe(connection) : null;
    }

    public RedisProbe Redis { get; }

    /// <summary>Queues, counters and job latency of the system under test, through the job-system seam.</summary>
    public IJobSystem JobSystem => _environment.JobSystem;

    public HostProbe Host { get; } = new();

    public ContainerStatsProbe ContainerStats { get; }

    public async Task<MetricsSnapshot> SnapshotAsync(string label, CancellationToken ct)
    {
        var unavailable = new List<string>(_environment.Unavailable);
        var host = Host.Sample();
        if (host is null)
        {
            unavailable.Add("Host CPU/memory: /proc not available on this OS");
        }

        var redis = await TryAsync("Redis INFO", Redis.SampleAsync, unavailable).ConfigureAwait(false);
        var config = await TryAsync("Redis CONFIG", () => Redis.EffectiveConfigAsync(_environment.Settings.RedisConfigFile), unavailable).ConfigureAwait(false);
        var queues = await TryAsync("Job streams", JobSystem.QueuesAsync, unavailable).ConfigureAwait(false);
        var jobs = await TryAsync("Job counters", JobSystem.CountersAsync, unavailable).ConfigureAwait(false);
        var mongoSample = _mongo is null ? null : await TryAsync("MongoDB serverStatus", () => _mongo.SampleAsync(ct), unavailable).ConfigureAwait(false);
        return new MetricsSnapshot(_environment.Settings.ConfigurationName, label, DateTimeOffset.UtcNow, host,
            ContainerStats.Latest(), redis, config, queues ?? [], jobs, mongoSample, unavailable);
    }

    internal static async Task<T?> TryAsync<T>(string what, Func<Task<T>> read, List<string> unavailable)
        where T : class
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            unavailable.Add($"{what}: {ex.GetType().Name}: {ex.Message}");
            return null;
        }
    }

    public ValueTask DisposeAsync() => ContainerStats.DisposeAsync();
}
