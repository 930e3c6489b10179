using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Perf.Fixtures;
using SystemUnderTest.Hosting;
using SystemUnderTest.Contracts;
using SystemUnderTest.Telemetry;
using SystemUnderTest.Tests.Infrastructure;

namespace SystemUnderTest.Tests.Integration;

/// <summary>
/// The API and a worker in this process against the real Redis, each exporting to OpenTelemetry's in-memory exporter
/// through the same collection the OTLP export uses (<see cref="TelemetryServices.AddSutOpenTelemetry"/>).
/// </summary>
[Collection(RedisFixture.Name)]
[Trait("Category", "integration")]
[Trait("Needs", "redis")]
public sealed class TelemetryTests(RedisFixture redis)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(null)]
    [InlineData("idempotent-enqueue")]
    public async Task OneTraceFollowsAJobFromTheApiThroughTheQueueToTheStore(string? idempotencyKey)
    {
        await using var sut = await InstrumentedPipeline.StartAsync(redis);

        var id = await sut.SubmitAndCompleteAsync(idempotencyKey);

        var consumer = await Eventually.WaitAsync(
            $"the worker's span of job {id}",
            Deadline,
            _ => Task.FromResult(sut.WorkerSpans.Snapshot().FirstOrDefault(s => s.Kind == ActivityKind.Consumer && Job(s) == id)),
            span => span is not null, ct: TestContext.Current.CancellationToken);
        var producer = sut.ApiSpans.Snapshot().Single(s => s.Kind == ActivityKind.Producer && Job(s) == id);
        var request = sut.ApiSpans.Snapshot().Single(s => s.Kind == ActivityKind.Server && s.SpanId == producer.ParentSpanId);
        request.DisplayName.Should().Contain("POST");

        consumer!.TraceId.Should().Be(producer.TraceId, "the entry carries the enqueue's trace context to the worker");
        consumer.ParentSpanId.Should().Be(producer.SpanId);
        consumer.GetTagItem(SutTelemetry.DestinationAttribute).Should().Be(RedisKeys.PaymentsStream);
        var worker = sut.WorkerSpans.Snapshot().Where(s => s.TraceId == producer.TraceId).ToList();
        var queueWait = worker.Single(s => s.DisplayName == "queue wait");
        queueWait.ParentSpanId.Should().Be(producer.SpanId);
        queueWait.StartTimeUtc.Should().BeOnOrBefore(consumer.StartTimeUtc);
        worker.Single(s => s.DisplayName == "downstream call").ParentSpanId.Should().Be(consumer.SpanId);
        worker.Single(s => s.DisplayName == "store write").ParentSpanId.Should().Be(consumer.SpanId);
    }

    [Fact]
    public async Task JobCountersLatencyQueueGaugesAndBuiltInMetricsAreExported()
    {
        await using var sut = await InstrumentedPipeline.StartAsync(redis);

        await sut.SubmitAndCompleteAsync();

        // The queue gauges show the sampler's last reading, taken once a second while they are observed. The finished
        // job's entry left its stream with its acknowledgement, so once sampled after it both streams are empty.
        var api = await Eventually.WaitAsync(
            "the API's export to show the queue gauges, read after the job finished",
            Deadline,
            _ => Task.FromResult(sut.CollectApi()),
            metrics => metrics.TryGetValue(SutTelemetry.QueueLength, out var length) && length.Points.Count == 2 && length.Points.All(p => p.Value == 0),
            ct: TestContext.Current.CancellationToken);
        Sum(api[SutTelemetry.Accepted]).Should().Be(1);
        api[SutTelemetry.QueueLength].Points.Select(p => p.Stream).Should().BeEquivalentTo(RedisKeys.JobStreams);
        api.Should().ContainKey("http.server.request.duration", "ASP.NET Core's own meters are exported");
        api.Values.Should().Contain(m => m.MeterName == "System.Runtime" || m.MeterName.StartsWith("OpenTelemetry.Instrumentation.Runtime", StringComparison.Ordinal),
            "the runtime's meter is exported");

        var worker = await Eventually.WaitAsync(
            "the worker's export to count the processed job",
            Deadline,
            _ => Task.FromResult(sut.CollectWorker()),
            metrics => metrics.ContainsKey(SutTelemetry.Processed), ct: TestContext.Current.CancellationToken);
        Sum(worker[SutTelemetry.Processed]).Should().Be(1);
        worker[SutTelemetry.JobDuration].Unit.Should().Be("s");
        worker[SutTelemetry.JobDuration].HistogramCount.Should().Be(1);
        worker.Should().NotContainKey(SutTelemetry.DeadLettered);
    }

    private static string? Job(Activity span) => span.GetTagItem(SutTelemetry.JobIdAttribute) as string;

    private static double Sum(ExportedMetric metric) => metric.Points.Sum(p => p.Value);

    /// <summary>One exported metric, read out of the SDK's snapshot.</summary>
    private sealed record ExportedMetric(string MeterName, string Unit, List<(string? Stream, double Value)> Points, long HistogramCount);

    /// <summary>A list the exporters append to from any thread and the test reads a copy of.</summary>
    private sealed class LockedCollection<T> : Collection<T>
    {
        private readonly Lock _gate = new();

        public T[] Snapshot()
        {
            lock (_gate)
            {
                return [.. this];
            }
        }

        protected override void InsertItem(int index, T item)
        {
            lock (_gate)
            {
                base.InsertItem(index, item);
            }
        }
    }

    private sealed class InstrumentedPipeline : IAsyncDisposable
    {
        private readonly SutApiFactory _api;
        private readonly IHost _worker;
        private readonly HttpClient _client;
        private readonly LockedCollection<Metric> _apiMetrics = [];
        private readonly LockedCollection<Metric> _workerMetrics = [];

        private InstrumentedPipeline(Dictionary<string, string?> settings)
        {
            _api = new SutApiFactory(settings, (context, services) => services.AddSutOpenTelemetry(context.Configuration, "api")
                .WithTracing(t => t.AddInMemoryExporter(ApiSpans))
                .WithMetrics(m => m.AddInMemoryExporter(_apiMetrics)));
            _client = _api.CreateClient();
            _worker = WorkerHost.Build(
                [],
                configuration => configuration.AddInMemoryCollection(settings),
                services => services.AddSutOpenTelemetry(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "worker")
                    .WithTracing(t => t.AddInMemoryExporter(WorkerSpans))
                    .WithMetrics(m => m.AddInMemoryExporter(_workerMetrics)));
        }

        public LockedCollection<Activity> ApiSpans { get; } = [];

        public LockedCollection<Activity> WorkerSpans { get; } = [];

        public static async Task<InstrumentedPipeline> StartAsync(RedisFixture redis)
        {
            await redis.ResetAsync();
            var pipeline = new InstrumentedPipeline(SutSettings.For(redis));
            await pipeline._worker.StartAsync();
            return pipeline;
        }

        /// <summary>Posts a payment (through the idempotent enqueue when a key is given) and waits until it is completed; returns its id.</summary>
        public async Task<string> SubmitAndCompleteAsync(string? idempotencyKey = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/payments") { Content = JsonContent.Create(JobRequests.Payment) };
            if (idempotencyKey is not null)
            {
                request.Headers.Add(JobHeaders.IdempotencyKey, idempotencyKey);
            }

            using var response = await _client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.Accepted);
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            await Eventually.WaitAsync(
                $"payment {id} to be completed",
                Deadline,
                _ => _client.GetFromJsonAsync<JsonElement>($"/payments/{id}"),
                p => p.GetProperty("status").GetString() == "completed");
            return id;
        }

        public Dictionary<string, ExportedMetric> CollectApi() => Collect(_api.Services, _apiMetrics);

        public Dictionary<string, ExportedMetric> CollectWorker() => Collect(_worker.Services, _workerMetrics);

        public async ValueTask DisposeAsync()
        {
            await _worker.StopAsync();
            _worker.Dispose();
            _client.Dispose();
            await _api.DisposeAsync();
        }

        /// <summary>Exports now and reads the latest export of each metric (the exports are cumulative).</summary>
        private static Dictionary<string, ExportedMetric> Collect(IServiceProvider services, LockedCollection<Metric> exported)
        {
            services.GetRequiredService<MeterProvider>().ForceFlush().Should().BeTrue();
            var latest = new Dictionary<string, ExportedMetric>(StringComparer.Ordinal);
            foreach (var metric in exported.Snapshot())
            {
                var points = new List<(string?, double)>();
                long histogramCount = 0;
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    string? stream = null;
                    foreach (var tag in point.Tags)
                    {
                        if (tag.Key == SutTelemetry.DestinationAttribute)
                        {
                            stream = tag.Value as string;
                        }
                    }

                    var value = metric.MetricType switch
                    {
                        MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
                        MetricType.LongGauge => point.GetGaugeLastValueLong(),
                        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble(),
                        MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
                        MetricType.Histogram => point.GetHistogramSum(),
                        _ => 0,
                    };
                    histogramCount += metric.MetricType == MetricType.Histogram ? point.GetHistogramCount() : 0;
                    points.Add((stream, value));
                }

                latest[metric.Name] = new ExportedMetric(metric.MeterName, metric.Unit, points, histogramCount);
            }

            return latest;
        }
    }
}
