using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using SystemUnderTest.Contracts;
using SystemUnderTest.Worker;

namespace SystemUnderTest.Telemetry;

/// <summary>
/// The system's own meter and activity source, both named <see cref="Name"/> (docs/observability.md): job counters and
/// end-to-end latency recorded where the outcome is decided, queue gauges read from the last sample of
/// <see cref="QueueStateSampler"/> (never a Redis call per collection), and the spans that follow a job from the
/// API's XADD through the queue to the worker's downstream call and store write. Without a listener every
/// instrument and <see cref="Source"/> is disabled and costs a flag check.
/// </summary>
public sealed class SutTelemetry
{
    public const string Name = "SystemUnderTest";

    public const string Accepted = "sut.jobs.accepted";
    public const string Processed = "sut.jobs.processed";
    public const string DeadLettered = "sut.jobs.dead_lettered";
    public const string Redelivered = "sut.jobs.redelivered";
    public const string JobDuration = "sut.job.duration";
    public const string QueueLength = "sut.queue.length";
    public const string QueueLag = "sut.queue.lag";
    public const string QueuePending = "sut.queue.pending";
    public const string QueueDeadLetters = "sut.queue.dead_letters";

    /// <summary>The stream (queue) a job travels on, as OpenTelemetry's messaging conventions name it.</summary>
    public const string DestinationAttribute = "messaging.destination.name";
    public const string JobTypeAttribute = "sut.job.type";
    public const string JobIdAttribute = "sut.job.id";

    /// <summary>Stream entry fields carrying the W3C trace context of the enqueue (absent when nothing traces).</summary>
    public const string TraceParentField = "traceparent";
    public const string TraceStateField = "tracestate";

    /// <summary>End-to-end job latency buckets in seconds: from a few milliseconds of queue wait to a backlog of minutes.</summary>
    private static readonly double[] JobDurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _processed;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _redelivered;
    private readonly Histogram<double> _jobDuration;
    private readonly ObservableGauge<long>[] _queueGauges;
    private readonly ConcurrentDictionary<(string Stream, string Type), KeyValuePair<string, object?>[]> _jobTags = new();
    private IReadOnlyList<StreamMetrics> _queue = [];

    public SutTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(new MeterOptions(Name) { Version = Version });
        _accepted = meter.CreateCounter<long>(Accepted, "{job}", "Jobs the API put on the queue (idempotent replays excluded).");
        _processed = meter.CreateCounter<long>(Processed, "{job}", "Jobs completed and stored, each counted once.");
        _deadLettered = meter.CreateCounter<long>(DeadLettered, "{job}", "Jobs moved to a dead-letter stream.");
        _redelivered = meter.CreateCounter<long>(Redelivered, "{delivery}", "Deliveries of a job after its first (retries and reclaimed entries).");
        _jobDuration = meter.CreateHistogram(JobDuration, "s", "End-to-end job latency: from the API's enqueue to the stored outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = JobDurationBuckets });
        _queueGauges =
        [
            meter.CreateObservableGauge(QueueLength, () => ObserveQueue(s => s.Length), "{entry}", "Entries in the job stream (XLEN)."),
            meter.CreateObservableGauge(QueueLag, () => ObserveQueue(s => s.Lag), "{entry}", "Entries not yet delivered to the consumer group."),
            meter.CreateObservableGauge(QueuePending, () => ObserveQueue(s => s.Pending), "{entry}", "Entries delivered and not yet acknowledged."),
            meter.CreateObservableGauge(QueueDeadLetters, () => ObserveQueue(s => s.DeadLetterLength), "{entry}", "Entries in the stream's dead-letter stream."),
        ];
    }

    /// <summary>The source of the job spans; static because an activity source has no factory.</summary>
    public static ActivitySource Source { get; } = new(Name, Version);

    public static string Version { get; } =
        typeof(SutTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    /// <summary>Whether anyone reads the queue gauges, so the sampler knows whether to ask Redis.</summary>
    public bool QueueObserved => _queueGauges.Any(g => g.Enabled);

    public void QueueSampled(IReadOnlyList<StreamMetrics> streams) => Volatile.Write(ref _queue, streams);

    /// <summary>The producer span of an enqueue, child of the API request's span; null when nothing traces.</summary>
    public static Activity? StartEnqueue(string stream, string type, string id)
    {
        var activity = Source.StartActivity($"send {stream}", ActivityKind.Producer);
        activity?.SetTag(DestinationAttribute, stream).SetTag("messaging.operation.type", "send").SetTag(JobTypeAttribute, type).SetTag(JobIdAttribute, id);
        return activity;
    }

    public void JobAccepted(string stream, string type)
    {
        if (_accepted.Enabled)
        {
            _accepted.Add(1, JobTags(stream, type));
        }
    }

    /// <summary>
    /// The consumer span of one delivery, continuing the enqueue's trace from the entry's trace context, preceded by a
    /// "queue wait" span from the enqueue to now. Null when nothing traces. Also counts a redelivery.
    /// </summary>
    public Activity? StartProcessing(JobEnvelope job)
    {
        if (job.DeliveryCount > 1 && _redelivered.Enabled)
        {
            _redelivered.Add(1, JobTags(job.Stream, job.Type));
        }

        if (!Source.HasListeners())
        {
            return null;
        }

        ActivityContext.TryParse(job.TraceParent, job.TraceState, isRemote: true, out var enqueue);
        if (job.EnqueuedAtMs > 0)
        {
            Source.StartActivity("queue wait", ActivityKind.Internal, enqueue, startTime: DateTimeOffset.FromUnixTimeMilliseconds(job.EnqueuedAtMs))
                ?.SetTag(DestinationAttribute, job.Stream).SetTag(JobIdAttribute, job.Id).Dispose();
        }

        var activity = Source.StartActivity($"process {job.Stream}", ActivityKind.Consumer, enqueue);
        activity?.SetTag(DestinationAttribute, job.Stream).SetTag("messaging.operation.type", "process").SetTag(JobTypeAttribute, job.Type)
            .SetTag(JobIdAttribute, job.Id).SetTag("messaging.message.id", job.EntryId).SetTag("sut.job.delivery_count", job.DeliveryCount);
        return activity;
    }

    /// <summary>A step inside the processing span (the downstream call, the store write, the dead letter).</summary>
    public static Activity? StartStep(string name) => Source.StartActivity(name);

    public void JobCompleted(JobEnvelope job, long latencyMs)
    {
        if (_processed.Enabled || _jobDuration.Enabled)
        {
            var tags = JobTags(job.Stream, job.Type);
            _processed.Add(1, tags);
            _jobDuration.Record(latencyMs / 1000.0, tags);
        }
    }

    public void JobDeadLettered(JobEnvelope job)
    {
        if (_deadLettered.Enabled)
        {
            _deadLettered.Add(1, JobTags(job.Stream, job.Type));
        }
    }

    /// <summary>One attribute list per stream and job type, built once: recording a job allocates nothing.</summary>
    private KeyValuePair<string, object?>[] JobTags(string stream, string type) =>
        _jobTags.TryGetValue((stream, type), out var tags)
            ? tags
            : _jobTags.GetOrAdd((stream, type), key => [new(DestinationAttribute, key.Stream), new(JobTypeAttribute, key.Type)]);

    private IEnumerable<Measurement<long>> ObserveQueue(Func<StreamMetrics, long> value)
    {
        foreach (var stream in Volatile.Read(ref _queue))
        {
            yield return new Measurement<long>(value(stream), new KeyValuePair<string, object?>(DestinationAttribute, stream.Name));
        }
    }
}
