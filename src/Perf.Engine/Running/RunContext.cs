using Perf.Engine.Profiles;

namespace Perf.Engine.Running;

/// <summary>Shared state of one run: the HTTP pool, the phases on the run's clock, the recorder and the live counters.</summary>
internal sealed class RunContext : IDisposable
{
    private readonly Dictionary<string, IReadOnlyList<string>> _variables;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SocketsHttpHandler _handler;
    private readonly Lazy<HttpClient> _http;

    // Starts at 1: the scheduler holds a reference until it has released every arrival.
    private long _outstanding = 1;
    private long _inFlight;
    private long _openUsers;
    private long _cancelledRequests;
    private long _abandonedSteps;

    public RunContext(CompiledPlan plan, RunOptions options, long startTimestamp, CancellationToken token)
    {
        Plan = plan;
        Token = token;
        Timeout = options.Http.RequestTimeout ?? plan.Profile.HttpTimeout;
        StepTimeout = options.CustomStepTimeout ?? Timeout;
        MaxCaptureBodyBytes = options.Http.MaxCaptureBodyBytes;
        _variables = plan.Profile.Variables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        _handler = HttpHandlerFactory.Create(options.Http);
        Invoker = new HttpMessageInvoker(_handler, disposeHandler: false);
        _http = new Lazy<HttpClient>(() => new HttpClient(_handler, disposeHandler: false)
        {
            BaseAddress = plan.Profile.Target,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        });
        StartTimestamp = startTimestamp;
        StartedAt = DateTimeOffset.UtcNow;
        var phases = new List<RunPhase>();
        var phaseStart = startTimestamp;
        foreach (var phase in plan.Profile.Phases)
        {
            phases.Add(new RunPhase(phases.Count, phase, phaseStart));
            phaseStart = phases[^1].EndTimestamp;
        }

        Phases = phases;
    }

    public CompiledPlan Plan { get; }

    public CancellationToken Token { get; }

    public TimeSpan Timeout { get; }

    public int MaxCaptureBodyBytes { get; }

    /// <summary>How long a custom step may run before its token is cancelled and it is no longer awaited.</summary>
    public TimeSpan StepTimeout { get; }

    public HttpMessageInvoker Invoker { get; }

    /// <summary>For custom steps: a client on the same pool, created on first use.</summary>
    public HttpClient Http => _http.Value;

    /// <summary>Stopwatch timestamp of the first phase's intended start.</summary>
    public long StartTimestamp { get; }

    public DateTimeOffset StartedAt { get; }

    public IReadOnlyList<RunPhase> Phases { get; }

    /// <summary>Set by the runner before the scheduler starts.</summary>
    public IRunRecorder Recorder { get; set; } = null!;

    public long InFlight => Volatile.Read(ref _inFlight);

    public long CancelledRequests => Volatile.Read(ref _cancelledRequests);

    public long AbandonedSteps => Volatile.Read(ref _abandonedSteps);

    public Task Drained => _drained.Task;

    public Dictionary<string, string> NewVariables()
    {
        var values = new Dictionary<string, string>(_variables.Count + 4, StringComparer.Ordinal);
        foreach (var (name, choices) in _variables)
        {
            values[name] = choices[choices.Count == 1 ? 0 : Random.Shared.Next(choices.Count)];
        }

        return values;
    }

    public StepContext NewStepContext(CompiledScenario scenario, Dictionary<string, string> variables) =>
        new(scenario.Scenario.Name, variables, Http, Plan.Profile.Target);

    public void ArrivalReleased() => Interlocked.Increment(ref _outstanding);

    public void ArrivalFinished()
    {
        if (Interlocked.Decrement(ref _outstanding) == 0)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>The scheduler released its last arrival (or was cancelled).</summary>
    public void SchedulingFinished() => ArrivalFinished();

    /// <summary>
    /// On the scheduler thread: counts an open-model virtual user in unless <paramref name="cap"/> of them are in
    /// flight already (then the arrival is dropped). Only this thread adds, so the cap is never overshot.
    /// </summary>
    public bool TryAdmitOpenUser(int? cap)
    {
        if (cap is { } max && Volatile.Read(ref _openUsers) >= max)
        {
            return false;
        }

        Interlocked.Increment(ref _openUsers);
        return true;
    }

    public void OpenUserFinished() => Interlocked.Decrement(ref _openUsers);

    public void RequestStarted() => Interlocked.Increment(ref _inFlight);

    public void RequestEnded() => Interlocked.Decrement(ref _inFlight);

    public void RequestCancelled() => Interlocked.Increment(ref _cancelledRequests);

    public void StepAbandoned() => Interlocked.Increment(ref _abandonedSteps);

    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }

        Invoker.Dispose();
        _handler.Dispose();
    }
}
