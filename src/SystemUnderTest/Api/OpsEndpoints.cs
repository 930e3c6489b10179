using SystemUnderTest.Contracts;
using SystemUnderTest.Queue;
using SystemUnderTest.Redis;
using SystemUnderTest.Store;

namespace SystemUnderTest.Api;

/// <summary>GET /health, GET /metrics/jobs, GET /analytics/summary.</summary>
public static class OpsEndpoints
{
    /// <summary>Each health probe gets this long: /health must answer, never hang, while a dependency is down.</summary>
    internal static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    public static IEndpointRouteBuilder MapOpsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", HealthAsync);
        app.MapGet("/metrics/jobs", async (MetricsReader metrics) => Results.Ok(await metrics.ReadAsync()));
        app.MapGet("/analytics/summary", async (AnalyticsService analytics, CancellationToken cancellationToken) =>
            Results.Ok(await analytics.GetSummaryAsync(cancellationToken)));
        return app;
    }

    private static async Task<IResult> HealthAsync(
        RedisConnectionPool redis, IResultStore store, QueueInspector inspector, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("SystemUnderTest.Health");
        var redisUp = await ProbeAsync("redis", logger, async ct => await redis.GetDatabase().PingAsync().WaitAsync(ct));
        var storeUp = store.Kind == "redis" ? redisUp : await ProbeAsync("store", logger, store.PingAsync);
        QueueHealth? queue = null;
        if (redisUp)
        {
            await ProbeAsync("queue", logger, async ct =>
            {
                var streams = await inspector.GetStreamsAsync().WaitAsync(ct);
                queue = new QueueHealth(
                    streams.Sum(s => s.Length), streams.Sum(s => s.Pending), streams.Sum(s => s.Lag), streams.Sum(s => s.DeadLetterLength));
            });
        }

        var healthy = redisUp && storeUp;
        var body = new HealthResponse(healthy ? "healthy" : "unhealthy", redisUp ? "up" : "down", storeUp ? "up" : "down", store.Kind, queue);
        return Results.Json(body, SutJsonContext.Default.HealthResponse, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> ProbeAsync(string name, ILogger logger, Func<CancellationToken, Task> probe)
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            await probe(timeout.Token).WaitAsync(timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.HealthProbeFailed(name, ex);
            return false;
        }
    }
}
