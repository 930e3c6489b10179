using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using SystemUnderTest.Api;
using SystemUnderTest.Contracts;
using SystemUnderTest.Options;
using SystemUnderTest.Queue;
using SystemUnderTest.Redis;
using SystemUnderTest.Telemetry;

namespace SystemUnderTest.Hosting;

/// <summary>The API role: Kestrel, problem details for every error, the endpoints of the contract.</summary>
public static class ApiHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        services.AddSutCore(builder.Configuration);
        services.AddSutTelemetry(builder.Configuration, "api");

        // Limits come from the validated options, resolved when the server starts (so test overrides apply too).
        // Kestrel refuses oversize bodies while streaming; JsonBodyReader enforces the same limit for other servers.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) =>
            kestrel.Limits.MaxRequestBodySize = api.Value.MaxBodyBytes);
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<ApiOptions>>((timeouts, api) =>
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromMilliseconds(api.Value.RequestTimeoutMs),
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
                WriteTimeoutResponse = async context => await Results
                    .Problem(title: "Request timed out", statusCode: StatusCodes.Status504GatewayTimeout)
                    .ExecuteAsync(context),
            });

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, SutJsonContext.Default);
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddSingleton<JobQueue>();
        services.AddSingleton<MetricsReader>();
        services.AddSingleton<AnalyticsService>();
        services.AddSingleton<BackpressureMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<BackpressureMonitor>());
        services.AddHostedService<StreamGroupInitializer>();
        services.AddHostedService<QueueStateSampler>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestTimeouts();
        app.MapJobEndpoints();
        app.MapOpsEndpoints();
        return app;
    }

    /// <summary>Creates the consumer groups at start so lag and pending are measurable before a worker runs.</summary>
    private sealed class StreamGroupInitializer(RedisConnectionPool redis, ILogger<StreamGroupInitializer> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await StreamSetup.EnsureGroupsAsync(redis.GetDatabase());
            }
            catch (StackExchange.Redis.RedisException ex)
            {
                // The worker creates them too; the API must still start (and report 503 on /health).
                logger.GroupCreateFailed(string.Join(",", RedisKeys.JobStreams), ex);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
