using SystemUnderTest.Queue;

namespace SystemUnderTest.Telemetry;

/// <summary>
/// Reads the job streams' length, lag, pending and dead letters once a second while someone watches the queue gauges
/// (dotnet-counters, an OTLP exporter), so a collection reads a field instead of making Redis round trips, and an
/// unwatched API asks Redis nothing.
/// </summary>
public sealed class QueueStateSampler(QueueInspector inspector, SutTelemetry telemetry, ILogger<QueueStateSampler> logger) : BackgroundService
{
    internal static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SampleInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!telemetry.QueueObserved)
                {
                    continue;
                }

                try
                {
                    telemetry.QueueSampled(await inspector.GetStreamsAsync());
                }
                catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
                {
                    logger.QueueSampleFailed(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Host stopping.
        }
    }
}
