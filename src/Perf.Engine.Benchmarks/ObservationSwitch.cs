using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using Perf.Dashboard;
using Perf.Engine.Profiles;
using Perf.Engine.Telemetry;

namespace Perf.Engine.Benchmarks;

/// <summary>
/// The observation features a benchmark switches on: the OTLP export of the engine's meter to the endpoint's sink (as
/// <c>perf run</c> exports it, with the runtime's meter, every second), and the live dashboard (served on a free
/// loopback port, fed every second, written as its HTML file when switched off).
/// </summary>
internal sealed class ObservationSwitch(Uri metricsSink, bool otlp, bool dashboard, LoadProfile profile)
{
    private DashboardRun? _run;

    /// <summary>Pass as <see cref="LoadRunner.Sample"/>: feeds the dashboard while it is on.</summary>
    public void Sample(LiveSample sample) => Volatile.Read(ref _run)?.Observe(sample);

    public static MeterProvider StartExport(Uri metricsSink, int intervalMilliseconds, bool runtimeMetrics = true) => OtlpMetricsExport.Start(
        builder => builder.AddOtlpExporter((exporter, reader) =>
        {
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            exporter.Endpoint = metricsSink;
            reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = intervalMilliseconds;
        }),
        runtimeMetrics);

    public IDisposable SwitchOn()
    {
        var export = otlp ? StartExport(metricsSink, 1000) : null;
        var web = dashboard ? LiveDashboard.StartAsync("benchmark", 0).GetAwaiter().GetResult() : null;
        Volatile.Write(ref _run, web?.Feed.StartRun("benchmark", profile));
        return new On(this, export, web);
    }

    private sealed class On(ObservationSwitch owner, MeterProvider? export, LiveDashboard? web) : IDisposable
    {
        public void Dispose()
        {
            Volatile.Write(ref owner._run, null);
            export?.Dispose();
            if (web is not null)
            {
                var file = Path.Combine(Path.GetTempPath(), $"perf-benchmark-dashboard-{Environment.ProcessId}.html");
                web.Export(file);
                File.Delete(file);
                web.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }
}
