using System.Collections.Concurrent;
using Perf.Engine.Profiles;
using Perf.Engine.Running;

namespace Perf.Engine.Telemetry;

/// <summary>
/// One run's side of the instruments. A finished step records its duration with an attribute list built once per
/// combination and reused, and adds one to that combination's count, which the observed counters read at collection
/// time: no allocation, one histogram measurement per request, and nothing at all while nobody listens. Arrivals are
/// not recorded here at all: the arrival counters read the phases' own counts.
/// </summary>
internal sealed class RunTelemetry
{
    private readonly EngineInstruments _instruments;
    private readonly CompiledPlan _plan;
    private readonly KeyValuePair<string, object?>[][] _phaseTags;
    private readonly string[] _phaseIdentities;
    private readonly ConcurrentDictionary<long, StepSeries> _steps = new();

    public RunTelemetry(EngineInstruments instruments, CompiledPlan plan, IReadOnlyList<RunPhase> phases)
    {
        _instruments = instruments;
        _plan = plan;
        _phaseTags = [.. phases.Select(p => new KeyValuePair<string, object?>[]
        {
            new(EngineMeter.PhaseAttribute, p.Phase.Name),
            new(EngineMeter.LoadModelAttribute, p.Phase.Model == LoadModel.Closed ? "closed" : "open"),
        })];
        _phaseIdentities = [.. _phaseTags.Select(TaggedCount.IdentityOf)];
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

    public void StepFinished(int scenarioIndex, int keyIndex, long latencyMicros, int status, ErrorKind? error)
    {
        if (!_instruments.StepsObserved)
        {
            return;
        }

        var cacheKey = ((((long)scenarioIndex * _plan.Keys.Length) + keyIndex) << 24) | ((long)status << 8) | (error is { } kind ? (long)kind + 1 : 0);
        var series = _steps.TryGetValue(cacheKey, out var cached) ? cached : AddSeries(cacheKey, scenarioIndex, keyIndex, status, error);
        (series.CustomStep ? _instruments.StepDuration : _instruments.RequestDuration).Record(latencyMicros / 1_000_000.0, series.Tags);
        if (_instruments.StepsCounted)
        {
            series.Count();
        }
    }

    /// <summary>Finished steps counted so far, by attribute set.</summary>
    public IEnumerable<TaggedCount> Requests() => _steps.Values.Select(s => new TaggedCount(s.Identity, s.Tags, s.Finished));

    /// <summary>Failed steps counted so far, by attribute set (each carries <c>error.type</c>).</summary>
    public IEnumerable<TaggedCount> Errors() => _steps.Values.Where(s => s.Failed).Select(s => new TaggedCount(s.Identity, s.Tags, s.Finished));

    /// <summary>Started arrivals by phase, as the phases counted them.</summary>
    public IEnumerable<TaggedCount> Arrivals() =>
        _phaseTags.Select((tags, index) => new TaggedCount(_phaseIdentities[index], tags, Live!.StartedArrivals(index)));

    /// <summary>Late arrivals by phase, as the phases counted them.</summary>
    public IEnumerable<TaggedCount> LateArrivals() =>
        _phaseTags.Select((tags, index) => new TaggedCount(_phaseIdentities[index], tags, Live!.LateArrivals(index)));

    /// <summary>
    /// The first step of a combination builds its series. A method of its own: a lambda capturing the parameters in
    /// <see cref="StepFinished"/> would allocate its closure on every call, also when the lookup hits.
    /// </summary>
    private StepSeries AddSeries(long cacheKey, int scenarioIndex, int keyIndex, int status, ErrorKind? error) =>
        _steps.GetOrAdd(cacheKey, _ => new StepSeries(StepTags(scenarioIndex, keyIndex, status, error), _plan.Keys[keyIndex].Method == CustomStep.Method, error is not null));

    /// <summary>
    /// HTTP requests carry the semantic conventions' attributes (method, server, status code, <c>error.type</c>, the
    /// URL template) plus the scenario and the request's stats key; custom steps the scenario, key and error only.
    /// </summary>
    private KeyValuePair<string, object?>[] StepTags(int scenarioIndex, int keyIndex, int status, ErrorKind? error)
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
