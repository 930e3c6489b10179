using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Perf.Engine.Telemetry;

/// <summary>
/// Exports the engine's meter (and the .NET runtime's, for the generator's own CPU, GC and thread pool) over OTLP when
/// the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>OTEL_EXPORTER_OTLP_METRICS_ENDPOINT</c>) is set. The exporter
/// reads every other <c>OTEL_*</c> variable itself (protocol, headers, <c>OTEL_METRIC_EXPORT_INTERVAL</c>,
/// <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>). Without the variable no provider is built, so nothing
/// listens and the instruments cost nothing.
/// </summary>
public static class OtlpMetricsExport
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string MetricsEndpointVariable = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> does not set one.</summary>
    public const string DefaultServiceName = "perf-engine";

    /// <summary>Whether the environment asks for an OTLP export.</summary>
    public static bool IsConfigured(Func<string, string?> environment) =>
        !string.IsNullOrWhiteSpace(environment(EndpointVariable)) || !string.IsNullOrWhiteSpace(environment(MetricsEndpointVariable));

    /// <summary>
    /// Starts the export if the process environment asks for it; null otherwise. Dispose the result at the end: that
    /// exports what is left before the process exits.
    /// </summary>
    public static IDisposable? StartFromEnvironment() =>
        IsConfigured(Environment.GetEnvironmentVariable) ? Start(builder => builder.AddOtlpExporter()) : null;

    /// <summary>
    /// A meter provider for the engine's meter (and the runtime's, unless <paramref name="runtimeMetrics"/> is false)
    /// with the exporter <paramref name="export"/> adds.
    /// </summary>
    public static MeterProvider Start(Func<MeterProviderBuilder, MeterProviderBuilder> export, bool runtimeMetrics = true)
    {
        ArgumentNullException.ThrowIfNull(export);
        var builder = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService(
                Environment.GetEnvironmentVariable(ServiceNameVariable) ?? DefaultServiceName, serviceVersion: EngineMeter.Version))
            .AddMeter(EngineMeter.Name);
        if (runtimeMetrics)
        {
            builder.AddRuntimeInstrumentation();
        }

        return export(builder).Build();
    }
}
