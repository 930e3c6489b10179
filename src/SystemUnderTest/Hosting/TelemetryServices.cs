using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SystemUnderTest.Telemetry;

namespace SystemUnderTest.Hosting;

/// <summary>
/// The system's telemetry (docs/observability.md): its meter always (so <c>dotnet-counters</c> can watch a process),
/// and, only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, an OpenTelemetry export of the system's, ASP.NET Core's
/// and the runtime's metrics and of the job traces. Without the setting no provider is built and nothing listens.
/// </summary>
public static class TelemetryServices
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameSetting = "OTEL_SERVICE_NAME";

    /// <summary>Registers the meter and, when the endpoint is set, the export; <paramref name="role"/> ("api" or "worker") names the service <c>sut-{role}</c> unless <c>OTEL_SERVICE_NAME</c> is set.</summary>
    public static IServiceCollection AddSutTelemetry(this IServiceCollection services, IConfiguration configuration, string role)
    {
        services.AddSingleton<SutTelemetry>();
        if (!string.IsNullOrWhiteSpace(configuration[EndpointSetting]))
        {
            // The exporter reads the endpoint, protocol, headers and intervals from the OTEL_* settings itself.
            services.AddSutOpenTelemetry(configuration, role)
                .WithMetrics(metrics => metrics.AddOtlpExporter())
                .WithTracing(tracing => tracing.AddOtlpExporter());
        }

        return services;
    }

    /// <summary>
    /// The providers without an exporter: what is collected (the system's meter and spans, ASP.NET Core's request
    /// metrics and spans, the runtime's metrics). Tests add the in-memory exporter to it.
    /// </summary>
    public static OpenTelemetryBuilder AddSutOpenTelemetry(this IServiceCollection services, IConfiguration configuration, string role) =>
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration[ServiceNameSetting] ?? $"sut-{role}", serviceVersion: SutTelemetry.Version))
            .WithMetrics(metrics => metrics.AddMeter(SutTelemetry.Name).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation())
            .WithTracing(tracing => tracing.AddSource(SutTelemetry.Name).AddAspNetCoreInstrumentation());
}
