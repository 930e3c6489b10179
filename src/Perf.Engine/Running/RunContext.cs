using System.Diagnostics;
using HdrHistogram;
using Perf.Engine.Stats;

namespace Perf.Engine.Running;

/// <summary>Shared state of one run: the HTTP client, the recorders and the counters the sampler reads.</summary>
internal sealed class RunContext : IDisposable
{
    private readonly Dictionary<string, IReadOnlyList<string>> _variables;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Starts at 1: the scheduler holds a reference until it has released every arrival.
    private long _outstanding = 1;
    private long _inFlight;
    private long _intervalArrivals;
    private long _intervalRequests;
    private long _intervalErrors;
    private long _cancelledRequests;

    public RunContext(CompiledPlan plan, RunOptions options, CancellationToken token)
    {
        Plan = plan;
        Token = token;
        Timeout = options.Http.RequestTimeout ?? plan.Profile.HttpTimeout;
        _variables = plan.Profile.Variables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        Invoker = new HttpMessageInvoker(HttpHandlerFactory.Create(options.Http), disposeHandler: true);
        StartTimestamp = Stopwatch.GetTimestamp();
        StartedAt = DateTimeOffset.UtcNow;
    }

    public CompiledPlan Plan { get; }

    public CancellationToken Token { get; }

    public TimeSpan Timeout { get; }

    public HttpMessageInvoker Invoker { get; }

    public long StartTimestamp { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public TrafficRecorder Totals { get; } = new();

    /// <summary>Latencies of the current second, swapped out by the sampler.</summary>
    public Recorder Interval { get; } = Histograms.NewRecorder();

    public long InFlight => Volatile.Read(ref _inFlight);

    public long CancelledRequests => Volatile.Read(ref _cancelledRequests);

    public Task Drained => _drained.Task;

    /// <summary>Called just before the scheduler starts so set-up time is not part of the run.</summary>
    public void MarkStart(long timestamp)
    {
        StartTimestamp = timestamp;
        StartedAt = DateTimeOffset.UtcNow;
    }

    public Dictionary<string, string> NewVariables()
    {
        var values = new Dictionary<string, string>(_variables.Count + 4, StringComparer.Ordinal);
        foreach (var (name, choices) in _variables)
        {
            values[name] = choices[choices.Count == 1 ? 0 : Random.Shared.Next(choices.Count)];
        }

        return values;
    }

    public void ArrivalReleased() => Interlocked.Increment(ref _outstanding);

    public void ArrivalStarted() => Interlocked.Increment(ref _intervalArrivals);

    public void ArrivalFinished()
    {
        if (Interlocked.Decrement(ref _outstanding) == 0)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>The scheduler released its last arrival (or was cancelled).</summary>
    public void SchedulingFinished() => ArrivalFinished();

    public void RequestStarted() => Interlocked.Increment(ref _inFlight);

    public void RequestEnded() => Interlocked.Decrement(ref _inFlight);

    public void RequestCancelled() => Interlocked.Increment(ref _cancelledRequests);

    public void RequestRecorded(long latencyMicros, bool failed)
    {
        Interval.RecordValue(Histograms.Clamp(latencyMicros));
        Interlocked.Increment(ref _intervalRequests);
        if (failed)
        {
            Interlocked.Increment(ref _intervalErrors);
        }
    }

    public (long Arrivals, long Requests, long Errors) TakeIntervalCounts() =>
        (Interlocked.Exchange(ref _intervalArrivals, 0), Interlocked.Exchange(ref _intervalRequests, 0), Interlocked.Exchange(ref _intervalErrors, 0));

    public void Dispose() => Invoker.Dispose();
}
