using System.Collections.Concurrent;
using System.Globalization;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Perf.Testing.Otlp;

/// <summary>
/// An OTLP/HTTP receiver on 127.0.0.1 (a free port) for tests: it accepts binary protobuf exports at
/// <c>/v1/metrics</c> and <c>/v1/traces</c>, decodes each body with the official OTLP schema (<c>Otlp/proto</c>, compiled at build time), keeps
/// the decoded requests in arrival order and answers 200 with an empty export response, as a collector does. A body the
/// schema cannot decode, or one sent as anything but uncompressed <c>application/x-protobuf</c>, gets a 4xx and its
/// error is kept in <see cref="Rejected"/> so a test can say what was wrong.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    public const string MetricsPath = "/v1/metrics";
    public const string TracesPath = "/v1/traces";

    /// <summary>The content type of OTLP/HTTP's binary encoding (<c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>).</summary>
    public const string ProtobufContentType = "application/x-protobuf";

    private static readonly byte[] EmptyMetricsResponse = new ExportMetricsServiceResponse().ToByteArray();
    private static readonly byte[] EmptyTraceResponse = new ExportTraceServiceResponse().ToByteArray();

    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<ExportMetricsServiceRequest> _metrics;
    private readonly ConcurrentQueue<ExportTraceServiceRequest> _traces;
    private readonly ConcurrentQueue<string> _rejected;

    private OtlpReceiver(LoopbackServer server, ConcurrentQueue<ExportMetricsServiceRequest> metrics, ConcurrentQueue<ExportTraceServiceRequest> traces,
        ConcurrentQueue<string> rejected)
    {
        _server = server;
        _metrics = metrics;
        _traces = traces;
        _rejected = rejected;
    }

    /// <summary>The base address, the value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the exporters append <c>/v1/metrics</c>, <c>/v1/traces</c>).</summary>
    public Uri Endpoint => _server.Address;

    /// <summary>Every metrics export decoded so far, in the order they arrived.</summary>
    public IReadOnlyList<ExportMetricsServiceRequest> MetricsExports => [.. _metrics];

    /// <summary>Every trace export decoded so far, in the order they arrived.</summary>
    public IReadOnlyList<ExportTraceServiceRequest> TraceExports => [.. _traces];

    /// <summary>Why each rejected post was rejected: path, length, content type and the decoder's message.</summary>
    public IReadOnlyList<string> Rejected => [.. _rejected];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var metrics = new ConcurrentQueue<ExportMetricsServiceRequest>();
        var traces = new ConcurrentQueue<ExportTraceServiceRequest>();
        var rejected = new ConcurrentQueue<string>();
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(MetricsPath, context => AcceptAsync(context, ExportMetricsServiceRequest.Parser, metrics, rejected, EmptyMetricsResponse));
            app.MapPost(TracesPath, context => AcceptAsync(context, ExportTraceServiceRequest.Parser, traces, rejected, EmptyTraceResponse));
        });
        return new OtlpReceiver(server, metrics, traces, rejected);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static async Task AcceptAsync<TRequest>(HttpContext context, MessageParser<TRequest> parser, ConcurrentQueue<TRequest> accepted,
        ConcurrentQueue<string> rejected, byte[] response)
        where TRequest : IMessage<TRequest>
    {
        var request = context.Request;
        var post = string.Create(CultureInfo.InvariantCulture,
            $"POST {request.Path} ({request.ContentLength?.ToString(CultureInfo.InvariantCulture) ?? "unknown"} bytes, {request.ContentType ?? "no content type"})");
        if (!string.Equals(request.GetTypedHeaders().ContentType?.MediaType.Value, ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            await RejectAsync(context, rejected, StatusCodes.Status415UnsupportedMediaType, $"{post}: only {ProtobufContentType} is decoded here (OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf)");
            return;
        }

        if (!string.IsNullOrEmpty(request.Headers.ContentEncoding))
        {
            await RejectAsync(context, rejected, StatusCodes.Status415UnsupportedMediaType, $"{post}: Content-Encoding {request.Headers.ContentEncoding} is not decoded here");
            return;
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        TRequest message;
        try
        {
            message = parser.ParseFrom(body.GetBuffer(), 0, (int)body.Length);
        }
        catch (InvalidProtocolBufferException exception)
        {
            await RejectAsync(context, rejected, StatusCodes.Status400BadRequest, $"{post}: does not decode as {typeof(TRequest).Name}: {exception.Message}");
            return;
        }

        accepted.Enqueue(message);
        context.Response.ContentType = ProtobufContentType;
        await context.Response.Body.WriteAsync(response, context.RequestAborted);
    }

    // OTLP/HTTP asks for a google.rpc.Status body on errors; the exporters only log it, and the tests read Rejected,
    // so plain text keeps that schema out of the vendored set.
    private static async Task RejectAsync(HttpContext context, ConcurrentQueue<string> rejected, int status, string error)
    {
        rejected.Enqueue(error);
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(error, context.RequestAborted);
    }
}
