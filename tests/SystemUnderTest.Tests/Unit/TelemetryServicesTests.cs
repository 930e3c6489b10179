using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SystemUnderTest.Hosting;
using SystemUnderTest.Telemetry;

namespace SystemUnderTest.Tests.Unit;

/// <summary>The OTLP export exists only when asked for; the meter always (dotnet-counters needs nothing else).</summary>
public sealed class TelemetryServicesTests
{
    // Built, never started: nothing connects.
    private static readonly string[] Common = ["--Urls", "http://127.0.0.1:0", "--Redis:ConnectionString", "127.0.0.1:1,connectTimeout=100"];

    [Fact]
    public async Task WithoutAnEndpointNoProviderIsBuilt()
    {
        await using var api = ApiHost.Build(Common);
        using var worker = WorkerHost.Build(Common);

        api.Services.GetService<TracerProvider>().Should().BeNull();
        api.Services.GetService<MeterProvider>().Should().BeNull();
        worker.Services.GetService<MeterProvider>().Should().BeNull();
        api.Services.GetRequiredService<SutTelemetry>().Should().NotBeNull();
    }

    [Fact]
    public async Task WithAnEndpointBothRolesExportMetricsAndTraces()
    {
        string[] args = [.. Common, $"--{TelemetryServices.EndpointSetting}", "http://127.0.0.1:4317"];
        await using var api = ApiHost.Build(args);
        using var worker = WorkerHost.Build(args);

        api.Services.GetService<TracerProvider>().Should().NotBeNull();
        api.Services.GetService<MeterProvider>().Should().NotBeNull();
        worker.Services.GetService<TracerProvider>().Should().NotBeNull();
        worker.Services.GetService<MeterProvider>().Should().NotBeNull();
    }
}
