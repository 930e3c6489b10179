using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Proto.Metrics.V1;
using Perf.Cli.Tests.Infrastructure;
using Perf.Engine.Reporting;
using Perf.Engine.Telemetry;
using Perf.Testing;
using Perf.Testing.Otlp;

namespace Perf.Cli.Tests;

/// <summary>
/// What <c>perf run</c> sends over the wire with the standard OTLP variables, decoded by a real OTLP/HTTP receiver with
/// the official schema. The CLI runs as a child process: the export is configured by process-wide variables and reads
/// the process-wide engine meter, which the other tests' in-process runs would add to.
/// </summary>
public class RunCommandOtlpExportTests
{
    private const string RuntimeMeter = "System.Runtime";

    [Fact]
    public async Task RunExportsTheEngineMetersOverOtlpHttpMatchingItsReport()
    {
        await using var target = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/ok", () => Results.Text("ok"));
            app.MapGet("/busy", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        });
        await using var receiver = await OtlpReceiver.StartAsync();
        using var temp = new TempDirectory();
        var profile = temp.File("profile.yml", """
            config:
              target: "http://127.0.0.1:9"
              phases:
                - duration: 2
                  arrivalRate: 10
            scenarios:
              - name: otlp
                flow:
                  - get: { url: "/ok" }
                  - get: { url: "/busy" }
            """);
        var output = temp.File("report.json");
        var endpoint = receiver.Endpoint.ToString().TrimEnd('/');

        var result = await CliProcess.RunAsync(
            new Dictionary<string, string>
            {
                [OtlpMetricsExport.EndpointVariable] = endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            },
            "run", profile, "--target", target.Address.ToString(), "--out", output);

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Contain($"metrics: exported over OTLP to {endpoint}");
        receiver.Rejected.Should().BeEmpty("every export must decode as an ExportMetricsServiceRequest");
        var report = RunReportJson.Read(output);
        report.Totals.Requests.Should().Be(40, "2 s at 10 arrivals/s, two requests each");
        report.Totals.Status(503).Should().Be(20);

        var exported = receiver.MetricsExports.SelectMany(r => r.ResourceMetrics).ToList();
        exported.Should().NotBeEmpty(result.ToString());
        exported.Select(r => r.Resource.Attributes.Value("service.name")).Should().AllBe(OtlpMetricsExport.DefaultServiceName);
        exported.Select(r => r.Resource.Attributes.Value("service.version")).Should().AllBe(EngineMeter.Version);
        var scopes = exported.SelectMany(r => r.ScopeMetrics).ToList();
        scopes.Where(s => s.Scope.Name == EngineMeter.Name).Should().NotBeEmpty()
            .And.OnlyContain(s => s.Scope.Version == EngineMeter.Version);
        scopes.Where(s => s.Scope.Name == RuntimeMeter).SelectMany(s => s.Metrics).Should().NotBeEmpty("the runtime's meter is exported beside the engine's");

        // Cumulative temporality: the last export, the flush before the summary, holds the run's totals.
        var engine = scopes.Where(s => s.Scope.Name == EngineMeter.Name).SelectMany(s => s.Metrics).ToList();
        var duration = engine.Last(m => m.Name == EngineMeter.RequestDuration);
        duration.Unit.Should().Be("s");
        duration.DataCase.Should().Be(Metric.DataOneofCase.Histogram);
        duration.Histogram.AggregationTemporality.Should().Be(AggregationTemporality.Cumulative);
        duration.Histogram.DataPoints.Sum(p => (long)p.Count).Should().Be(report.Totals.Requests);
        duration.Histogram.DataPoints.Where(p => p.Attributes.Value("http.response.status_code") == "503").Sum(p => (long)p.Count)
            .Should().Be(report.Totals.Status(503));
        duration.Histogram.DataPoints.Should().OnlyContain(p => p.BucketCounts.Sum(c => (long)c) == (long)p.Count, "the buckets add up to the count");
        duration.Histogram.DataPoints[0].ExplicitBounds.Should().StartWith(0.005).And.EndWith(10, "the HTTP conventions' bucket advice");

        var requests = engine.Last(m => m.Name == EngineMeter.Requests);
        requests.Sum.IsMonotonic.Should().BeTrue();
        requests.Sum.AggregationTemporality.Should().Be(AggregationTemporality.Cumulative);
        requests.Sum.DataPoints.Sum(p => p.AsInt).Should().Be(report.Totals.Requests);
        engine.Last(m => m.Name == EngineMeter.Errors).Sum.DataPoints.Sum(p => p.AsInt).Should().Be(report.Totals.ErrorCount);
    }

    [Fact]
    public async Task ReceiverRejectsABodyTheSchemaCannotDecode()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var client = new HttpClient();
        using var body = new ByteArrayContent("not protobuf"u8.ToArray());
        body.Headers.ContentType = new MediaTypeHeaderValue(OtlpReceiver.ProtobufContentType);

        using var response = await client.PostAsync(new Uri(receiver.Endpoint, OtlpReceiver.MetricsPath), body, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        receiver.MetricsExports.Should().BeEmpty();
        receiver.Rejected.Should().ContainSingle().Which.Should().StartWith("POST /v1/metrics (12 bytes, application/x-protobuf): does not decode as ExportMetricsServiceRequest:");
    }
}
