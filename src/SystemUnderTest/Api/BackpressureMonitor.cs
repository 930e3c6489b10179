using System.Globalization;
using Microsoft.Extensions.Options;
using SystemUnderTest.Options;
using SystemUnderTest.Queue;
using SystemUnderTest.Redis;

namespace SystemUnderTest.Api;

/// <summary>
/// The API's two admission checks, each sampled in the background so that the request path only reads a field
/// (measuring per request would add Redis round trips to every POST exactly when Redis is busiest): queue lag +
/// pending every 250 ms against <c>Api__BackpressureMaxLag</c>, and Redis memory every 100 ms against
/// <c>Api__MemoryAdmissionPercent</c> of maxmemory (faster, because memory fills at the accepted rate).
/// </summary>
public sealed class BackpressureMonitor(
    QueueInspector inspector, RedisConnectionPool redis, IOptions<ApiOptions> options, ILogger<BackpressureMonitor> logger) : BackgroundService
{
    internal static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(250);
    internal static readonly TimeSpan MemorySampleInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// INFO memory through a script: StackExchange.Redis refuses INFO outside admin mode, which the API's connections
    /// do not have. Declared no-writes, so that a Redis over maxmemory under noeviction still runs it.
    /// </summary>
    private const string MemoryInfoScript = """
        #!lua flags=no-writes
        return redis.call('INFO', 'memory')
        """;

    private long _load;
    private long _usedMemory;
    private long _maxMemory;

    public bool Enabled { get; } = options.Value.BackpressureEnabled;

    public long Limit { get; } = options.Value.BackpressureMaxLag;

    public long CurrentLoad => Volatile.Read(ref _load);

    public bool IsOverLimit => Enabled && CurrentLoad > Limit;

    public int MemoryAdmissionPercent { get; } = options.Value.MemoryAdmissionPercent;

    /// <summary>Redis used_memory and maxmemory at the last sample (bytes; maxmemory 0 = no limit).</summary>
    public (long Used, long Max) Memory => (Volatile.Read(ref _usedMemory), Volatile.Read(ref _maxMemory));

    public bool IsMemoryNearlyFull
    {
        get
        {
            var (used, max) = Memory;
            return MemoryAdmissionPercent > 0 && max > 0 && used * 100 >= max * MemoryAdmissionPercent;
        }
    }

    /// <summary>used_memory and maxmemory from an INFO memory reply.</summary>
    internal static (long Used, long Max) ParseMemory(string info)
    {
        long used = 0, max = 0;
        foreach (var line in info.Split('\n'))
        {
            var separator = line.IndexOf(':', StringComparison.Ordinal);
            if (separator < 0)
            {
                continue;
            }

            var name = line.AsSpan(0, separator);
            var value = line.AsSpan(separator + 1).Trim();
            if (name.SequenceEqual("used_memory"))
            {
                used = long.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (name.SequenceEqual("maxmemory"))
            {
                max = long.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return (used, max);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            Enabled ? SampleEveryAsync(SampleInterval, async () => Volatile.Write(ref _load, await inspector.GetLoadAsync()), stoppingToken) : Task.CompletedTask,
            MemoryAdmissionPercent > 0 ? SampleEveryAsync(MemorySampleInterval, SampleMemoryAsync, stoppingToken) : Task.CompletedTask);

    private async Task SampleMemoryAsync()
    {
        var (used, max) = ParseMemory((string)(await redis.GetDatabase().ScriptEvaluateAsync(MemoryInfoScript))!);
        Volatile.Write(ref _usedMemory, used);
        Volatile.Write(ref _maxMemory, max);
    }

    private async Task SampleEveryAsync(TimeSpan interval, Func<Task> sample, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await sample();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed sample keeps the last reading; the next tick tries again.
                logger.BackpressureSampleFailed(ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
