using SystemUnderTest.Worker;

namespace SystemUnderTest.Hosting;

/// <summary>The worker role: a generic host (no Kestrel, no port) running <see cref="JobWorker"/>.</summary>
public static class WorkerHost
{
    /// <summary>Builds the worker host; <paramref name="configureServices"/> (for tests) runs after the role's own services are added.</summary>
    public static IHost Build(string[] args, Action<IConfigurationBuilder>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        configure?.Invoke(builder.Configuration);
        builder.Services.AddSutCore(builder.Configuration);
        builder.Services.AddSutTelemetry(builder.Configuration, "worker");
        builder.Services.AddSingleton<OutcomeWriter>();
        builder.Services.AddSingleton<JobProcessor>();
        builder.Services.AddHostedService<JobWorker>();
        // Longer than the worker's own drain bound, so the drain, not the host, decides when in-flight jobs stop.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(JobWorker.DrainTimeoutMs + 5_000));
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
