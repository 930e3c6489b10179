using Microsoft.Extensions.Options;
using SystemUnderTest.Options;
using SystemUnderTest.Queue;

namespace SystemUnderTest.Api;

/// <summary>
/// Samples summed lag + pending every 250 ms so that the request path only reads a field: measuring the queue per
/// request would add two Redis round trips to every POST exactly when Redis is busiest.
/// </summary>
public sealed class BackpressureMonitor(QueueInspector inspector, IOptions<ApiOptions> options, ILogger<BackpressureMonitor> logger)
    : BackgroundService
{
    internal static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(250);

    private long _load;

    public bool Enabled { get; } = options.Value.BackpressureEnabled;

    public long Limit { get; } = options.Value.BackpressureMaxLag;

    public long CurrentLoad => Volatile.Read(ref _load);

    public bool IsOverLimit => Enabled && CurrentLoad > Limit;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(SampleInterval);
        do
        {
            try
            {
                Volatile.Write(ref _load, await inspector.GetLoadAsync());
            }
            catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
            {
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
