using HdrHistogram;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Engine.Telemetry;

namespace Perf.Engine.Stats;

/// <summary>
/// Every recorder of one run, behind the runner's <see cref="IRunRecorder"/> seam: per load model the run total, one
/// per scenario and one per stats key; one per phase; and the interval histogram and counters the sampler swaps
/// every second; and the run's instruments (<see cref="RunTelemetry"/>), fed by the same calls. Any thread may record.
/// </summary>
internal sealed class RunRecorder : IRunRecorder
{
    private readonly TrafficRecorder[] _totals;
    private readonly TrafficRecorder[][] _scenarios;
    private readonly TrafficRecorder[][] _keys;
    private readonly RunTelemetry? _telemetry;
    private long _intervalArrivals;
    private long _intervalRequests;
    private long _intervalErrors;

    public RunRecorder(RunContext context, TimeSpan lateArrivalThreshold, RunTelemetry? telemetry = null, int? maxInFlight = null)
    {
        _telemetry = telemetry;
        var models = Enum.GetValues<LoadModel>().Length;
        var plan = context.Plan;
        _totals = [.. Enumerable.Range(0, models).Select(_ => new TrafficRecorder())];
        _scenarios = [.. Enumerable.Range(0, models).Select(_ => plan.Scenarios.Select(_ => new TrafficRecorder()).ToArray())];
        _keys = [.. Enumerable.Range(0, models).Select(_ => plan.Keys.Select(_ => new TrafficRecorder()).ToArray())];
        var lateTicks = (long)(lateArrivalThreshold.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        Phases = [.. context.Phases.Select(p => new PhaseRecorder(p.Index, p.Phase, p.StartTimestamp, lateTicks, ArrivalScheduler.EffectiveCap(p.Phase, maxInFlight)))];
    }

    public IReadOnlyList<PhaseRecorder> Phases { get; }

    /// <summary>Latencies of the current second, swapped out by the sampler.</summary>
    public Recorder Interval { get; } = Histograms.NewRecorder();

    public long Requests => _totals.Sum(t => t.Requests);

    public long ErrorCount => _totals.Sum(t => t.ErrorCount);

    public TrafficRecorder Totals(LoadModel model) => _totals[(int)model];

    public TrafficRecorder Scenario(LoadModel model, int scenarioIndex) => _scenarios[(int)model][scenarioIndex];

    public TrafficRecorder Key(LoadModel model, int keyIndex) => _keys[(int)model][keyIndex];

    public void ArrivalStarted(int phaseIndex, long intendedTimestamp, long actualTimestamp)
    {
        Phases[phaseIndex].RecordStart(intendedTimestamp, actualTimestamp);
        Interlocked.Increment(ref _intervalArrivals);
    }

    public void ArrivalDropped(int phaseIndex) => Phases[phaseIndex].RecordDrop();

    public long DroppedArrivals => Phases.Sum(p => p.Dropped);

    public void StepFinished(StepOrigin origin, int scenarioIndex, int keyIndex, long latencyMicros, int status, ErrorKind? error)
    {
        var m = (int)origin.Model;
        Phases[origin.PhaseIndex].Traffic.Record(latencyMicros, status, error);
        _keys[m][keyIndex].Record(latencyMicros, status, error);
        _scenarios[m][scenarioIndex].Record(latencyMicros, status, error);
        _totals[m].Record(latencyMicros, status, error);
        Interval.RecordValue(Histograms.Clamp(latencyMicros));
        Interlocked.Increment(ref _intervalRequests);
        if (error is not null)
        {
            Interlocked.Increment(ref _intervalErrors);
        }

        _telemetry?.StepFinished(scenarioIndex, keyIndex, latencyMicros, status, error);
    }

    /// <summary>Responses by status code since the start, both load models together.</summary>
    public SortedDictionary<int, long> StatusCodes()
    {
        var counts = new SortedDictionary<int, long>();
        foreach (var total in _totals)
        {
            total.AddStatusCodes(counts);
        }

        return counts;
    }

    /// <summary>Failed requests and steps by error kind since the start, both load models together.</summary>
    public SortedDictionary<string, long> ErrorKinds()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var total in _totals)
        {
            total.AddErrorKinds(counts);
        }

        return counts;
    }

    public (long Arrivals, long Requests, long Errors) TakeIntervalCounts() =>
        (Interlocked.Exchange(ref _intervalArrivals, 0), Interlocked.Exchange(ref _intervalRequests, 0), Interlocked.Exchange(ref _intervalErrors, 0));
}
