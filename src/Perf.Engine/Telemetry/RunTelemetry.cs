using System.Collections.Concurrent;
using Perf.Engine.Profiles;
using Perf.Engine.Running;

namespace Perf.Engine.Telemetry;

/// <summary>
/// One run's side of the instruments: records finished steps and started arrivals with attribute lists built once
/// per combination and reused, so a request costs no allocation, and nothing at all while nobody listens.
/// </summary>
internal sealed class RunTelemetry
{
    private readonly EngineInstruments _instruments;
    private readonly CompiledPlan _plan;
    private readonly KeyValuePair<string, object?>[][] _phaseTags;
    private readonly ConcurrentDictionary<long, KeyValuePair<string, object?>[]> _stepTags = new();

    public RunTelemetry(EngineInstruments instruments, CompiledPlan plan, IReadOnlyList<RunPhase> phases)
    {
        _instruments = instruments;
        _plan = plan;
        _phaseTags = [.. phases.Select(p => new KeyValuePair<string, object?>[]
        {
            new(EngineMeter.PhaseAttribute, p.Phase.Name),
            new(EngineMeter.LoadModelAttribute, p.Phase.Model == LoadModel.Closed ? "closed" : "open"),
        })];
    }

    /// <summary>The run's live values, set by <see cref="Attach"/>.</summary>
    public ILiveRun? Live { get; private set; }

    /// <summary>Shows <paramref name="live"/> through the observed instruments until the result is disposed.</summary>
    public IDisposable Attach(ILiveRun live)
    {
        Live = live;
        return _instruments.Attach(this);
    }

    public KeyValuePair<string, object?>[] PhaseTags(int phaseIndex) => _phaseTags[phaseIndex];

    public void ArrivalStarted(int phaseIndex, bool late)
    {
        if (!_instruments.ArrivalsObserved)
        {
            return;
        }

        var tags = _phaseTags[phaseIndex];
        _instruments.Arrivals.Add(1, tags);
        if (late)
        {
            _instruments.LateArrivals.Add(1, tags);
        }
    }

    public void StepFinished(int scenarioIndex, int keyIndex, long latencyMicros, int status, ErrorKind? error)
    {
        if (!_instruments.StepsObserved)
        {
            return;
        }

        var cacheKey = ((((long)scenarioIndex * _plan.Keys.Length) + keyIndex) << 24) | ((long)status << 8) | (error is { } kind ? (long)kind + 1 : 0);
        var tags = _stepTags.TryGetValue(cacheKey, out var cached) ? cached : AddStepTags(cacheKey, scenarioIndex, keyIndex, status, error);
        var key = _plan.Keys[keyIndex];
        var duration = key.Method == CustomStep.Method ? _instruments.StepDuration : _instruments.RequestDuration;
        duration.Record(latencyMicros / 1_000_000.0, tags);
        _instruments.Requests.Add(1, tags);
        if (error is not null)
        {
            _instruments.Errors.Add(1, tags);
        }
    }

    /// <summary>
    /// The first step of a combination builds its attributes. A method of its own: a lambda capturing the parameters in
    /// <see cref="StepFinished"/> would allocate its closure on every call, also when the lookup hits.
    /// </summary>
    private KeyValuePair<string, object?>[] AddStepTags(long cacheKey, int scenarioIndex, int keyIndex, int status, ErrorKind? error) =>
        _stepTags.GetOrAdd(cacheKey, _ => BuildStepTags(scenarioIndex, keyIndex, status, error));

    /// <summary>
    /// HTTP requests carry the semantic conventions' attributes (method, server, status code, <c>error.type</c>, the
    /// URL template) plus the scenario and the request's stats key; custom steps the scenario, key and error only.
    /// </summary>
    private KeyValuePair<string, object?>[] BuildStepTags(int scenarioIndex, int keyIndex, int status, ErrorKind? error)
    {
        var key = _plan.Keys[keyIndex];
        var tags = new List<KeyValuePair<string, object?>>(8)
        {
            new(EngineMeter.ScenarioAttribute, _plan.Scenarios[scenarioIndex].Scenario.Name),
            new(EngineMeter.RequestAttribute, key.Name ?? key.Key),
        };
        if (key.Method != CustomStep.Method)
        {
            var server = Uri.TryCreate(key.Url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
                ? absolute
                : _plan.Profile.Target;
            tags.Add(new("http.request.method", key.Method));
            tags.Add(new("server.address", server.Host));
            tags.Add(new("server.port", server.Port));
            tags.Add(new("url.template", key.Url));
        }

        if (status > 0)
        {
            tags.Add(new("http.response.status_code", status));
        }

        if (error is { } kind)
        {
            tags.Add(new("error.type", ErrorClassifier.Name(kind)));
        }

        return [.. tags];
    }
}
