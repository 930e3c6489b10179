using OpenTelemetry.Proto.Trace.V1;
using Perf.Fixtures;
using Perf.Testing.Otlp;
using SystemUnderTest.Hosting;
using SystemUnderTest.Telemetry;
using SystemUnderTest.Tests.Infrastructure;

namespace SystemUnderTest.Tests.Integration;

/// <summary>
/// The API and a worker in this process against the real Redis, configured only by the standard OTLP settings (as the
/// processes are, through <see cref="TelemetryServices.AddSutTelemetry"/>): what they send over OTLP/HTTP is decoded by
/// a receiver with the official OTLP schema. Settings, not process variables, so other tests' hosts do not export.
/// </summary>
[Collection(RedisFixture.Name)]
[Trait("Category", "integration")]
[Trait("Needs", "redis")]
public sealed class OtlpTraceExportTests(RedisFixture redis)
{
    private const string Api = "sut-api";
    private const string Worker = "sut-worker";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task OneTraceOverOtlpHttpSpansTheApiAndTheWorker()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var sut = await SutPipeline.StartAsync(
            redis,
            (TelemetryServices.EndpointSetting, receiver.Endpoint.ToString().TrimEnd('/')),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_BSP_SCHEDULE_DELAY", "100"));
        await sut.StartWorkerAsync();

        var id = await sut.SubmitPaymentAsync(JobRequests.Payment);

        var spans = await Eventually.WaitAsync(
            $"the API's request and send spans and the worker's store write of job {id} at the OTLP receiver",
            Deadline,
            _ => Task.FromResult(Received(receiver)),
            all => Consumer(all, id) is { } consumer
                && From(all, Worker).Any(s => s.Span.Name == "store write" && s.Span.ParentSpanId == consumer.Span.SpanId)
                && Producer(all, id) is { } producer
                && From(all, Api).Any(s => s.Span.SpanId == producer.Span.ParentSpanId),
            ct: TestContext.Current.CancellationToken);

        receiver.Rejected.Should().BeEmpty("every export must decode as an ExportTraceServiceRequest");
        var api = From(spans, Api);
        var producer = Producer(spans, id)!;
        producer.Span.Name.Should().Be("send jobs:payments");
        producer.Span.TraceId.Length.Should().Be(16);
        var request = api.Single(s => s.Span.SpanId == producer.Span.ParentSpanId);
        request.Span.Kind.Should().Be(Span.Types.SpanKind.Server);
        request.Span.Name.Should().Contain("POST");
        request.Span.TraceId.Should().Equal(producer.Span.TraceId);

        var consumer = Consumer(spans, id)!;
        consumer.Span.TraceId.Should().Equal(producer.Span.TraceId, "one trace id spans the API's and the worker's exports");
        consumer.Span.ParentSpanId.Should().Equal(producer.Span.SpanId, "the entry carries the enqueue's trace context to the worker");
        var worker = From(spans, Worker).Where(s => s.Span.TraceId == producer.Span.TraceId).GroupBy(s => s.Span.Name).ToDictionary(g => g.Key, g => g.Single());
        worker.Keys.Should().Contain(["queue wait", "process jobs:payments", "downstream call", "store write"]);
        worker["queue wait"].Span.ParentSpanId.Should().Equal(producer.Span.SpanId);
        worker["downstream call"].Span.ParentSpanId.Should().Equal(consumer.Span.SpanId);
        worker["store write"].Span.ParentSpanId.Should().Equal(consumer.Span.SpanId);
    }

    // Both hosts run in this process, and a tracer provider listens to every activity source of its name in the
    // process, so each service's export also carries the other's spans. Each span is read from the export of the
    // service that makes it; the trace context still crosses the queue in the stream entry, as between processes.
    private static List<ReceivedSpan> From(IEnumerable<ReceivedSpan> spans, string service) => [.. spans.Where(s => s.Service == service)];

    private static ReceivedSpan? Consumer(IEnumerable<ReceivedSpan> spans, string id) =>
        From(spans, Worker).FirstOrDefault(s => s.Span.Kind == Span.Types.SpanKind.Consumer && s.Span.Attributes.Value(SutTelemetry.JobIdAttribute) == id);

    private static ReceivedSpan? Producer(IEnumerable<ReceivedSpan> spans, string id) =>
        From(spans, Api).SingleOrDefault(s => s.Span.Kind == Span.Types.SpanKind.Producer && s.Span.Attributes.Value(SutTelemetry.JobIdAttribute) == id);

    private static List<ReceivedSpan> Received(OtlpReceiver receiver) =>
        [.. from export in receiver.TraceExports
            from resource in export.ResourceSpans
            from scope in resource.ScopeSpans
            from span in scope.Spans
            select new ReceivedSpan(resource.Resource.Attributes.Value("service.name") ?? "", span)];

    /// <summary>One decoded span with the service whose export carried it.</summary>
    private sealed record ReceivedSpan(string Service, Span Span);
}
