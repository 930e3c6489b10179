using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Perf.Engine.Profiles;

namespace Perf.Engine.Telemetry;

/// <summary>
/// The instruments of one <c>Perf.Engine</c> meter: the process-wide one, or one per <see cref="IMeterFactory"/> (so a
/// test observes its own runs only). Durations are recorded where they happen (<see cref="RunTelemetry"/>); the
/// counters and the instantaneous values are observed, once per collection, from the runs attached at that time and
/// the totals of the runs that ended before, so the counters stay cumulative over the process.
/// </summary>
internal sealed class EngineInstruments
{
    /// <summary>OpenTelemetry's advice for <c>http.client.request.duration</c>, in seconds.</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private static readonly ConditionalWeakTable<IMeterFactory, EngineInstruments> ByFactory = [];
    private static readonly Lazy<EngineInstruments> Shared = new(() => new EngineInstruments(new Meter(Options())));

    private readonly Lock _gate = new();
    private readonly CounterTotals _endedRequests = new();
    private readonly CounterTotals _endedErrors = new();
    private readonly CounterTotals _endedArrivals = new();
    private readonly CounterTotals _endedLateArrivals = new();
    private RunTelemetry[] _runs = [];

    private EngineInstruments(Meter meter)
    {
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets };
        RequestDuration = meter.CreateHistogram(EngineMeter.RequestDuration, "s",
            "Duration of HTTP request steps, from the step's intended start to the end of the response.", advice: advice);
        StepDuration = meter.CreateHistogram(EngineMeter.StepDuration, "s", "Duration of custom steps, from the step's intended start.", advice: advice);
        Requests = meter.CreateObservableCounter(EngineMeter.Requests, () => Observe(_endedRequests, run => run.Requests()), "{request}", "Finished requests and custom steps.");
        Errors = meter.CreateObservableCounter(EngineMeter.Errors, () => Observe(_endedErrors, run => run.Errors()), "{error}", "Failed requests and custom steps, by error kind.");
        Arrivals = meter.CreateObservableCounter(EngineMeter.Arrivals, () => Observe(_endedArrivals, run => run.Arrivals()), "{arrival}",
            "Started arrivals: virtual users (open model) or iterations (closed model).");
        LateArrivals = meter.CreateObservableCounter(EngineMeter.LateArrivals, () => Observe(_endedLateArrivals, run => run.LateArrivals()), "{arrival}",
            "Arrivals that started later than the late-arrival threshold.");
        meter.CreateObservableUpDownCounter(EngineMeter.InFlight, ObserveInFlight, "{request}", "Requests and custom steps in flight.");
        meter.CreateObservableGauge(EngineMeter.TargetRate, ObserveTargetRate, "{arrival}/s", "The schedule's arrival rate now (open-model phases).");
        meter.CreateObservableGauge(EngineMeter.AchievedRate, ObserveAchievedRate, "{arrival}/s", "Arrivals per second over the last whole second.");
        meter.CreateObservableGauge(EngineMeter.Phase, ObservePhase, "{phase}", "Zero-based index of the running phase.");
        meter.CreateObservableGauge(EngineMeter.ClosedUsers, ObserveClosedUsers, "{user}", "Users a closed-model phase keeps busy now.");
    }

    public Histogram<double> RequestDuration { get; }

    public Histogram<double> StepDuration { get; }

    public ObservableCounter<long> Requests { get; }

    public ObservableCounter<long> Errors { get; }

    public ObservableCounter<long> Arrivals { get; }

    public ObservableCounter<long> LateArrivals { get; }

    /// <summary>Whether anyone listens to what a finished step records; false skips the step's instrument work.</summary>
    public bool StepsObserved => RequestDuration.Enabled || StepDuration.Enabled || Requests.Enabled || Errors.Enabled;

    /// <summary>Whether a finished step is counted for <see cref="Requests"/> and <see cref="Errors"/>.</summary>
    public bool StepsCounted => Requests.Enabled || Errors.Enabled;

    public static EngineInstruments For(IMeterFactory? factory) =>
        factory is null ? Shared.Value : ByFactory.GetValue(factory, f => new EngineInstruments(f.Create(Options())));

    /// <summary>Makes <paramref name="run"/> visible to the observed instruments until the result is disposed.</summary>
    public IDisposable Attach(RunTelemetry run)
    {
        lock (_gate)
        {
            _runs = [.. _runs, run];
        }

        return new Detach(this, run);
    }

    private static MeterOptions Options() => new(EngineMeter.Name) { Version = EngineMeter.Version };

    /// <summary>A counter's value per attribute set: the ended runs' totals plus what the attached runs counted so far.</summary>
    private List<Measurement<long>> Observe(CounterTotals ended, Func<RunTelemetry, IEnumerable<TaggedCount>> counts)
    {
        lock (_gate)
        {
            var now = ended.Copy();
            foreach (var run in _runs)
            {
                now.Add(counts(run));
            }

            return now.Measurements();
        }
    }

    private IEnumerable<Measurement<long>> ObserveInFlight()
    {
        foreach (var run in Volatile.Read(ref _runs))
        {
            yield return new Measurement<long>(run.Live!.InFlight);
        }
    }

    private IEnumerable<Measurement<double>> ObserveTargetRate()
    {
        foreach (var run in Volatile.Read(ref _runs))
        {
            var phase = run.Live!.Phase;
            if (phase.Model == LoadModel.Open)
            {
                yield return new Measurement<double>(phase.TargetRate, run.PhaseTags(phase.Index));
            }
        }
    }

    private IEnumerable<Measurement<double>> ObserveAchievedRate()
    {
        foreach (var run in Volatile.Read(ref _runs))
        {
            var live = run.Live!;
            yield return new Measurement<double>(live.AchievedRate, run.PhaseTags(live.Phase.Index));
        }
    }

    private IEnumerable<Measurement<int>> ObservePhase()
    {
        foreach (var run in Volatile.Read(ref _runs))
        {
            var phase = run.Live!.Phase;
            yield return new Measurement<int>(phase.Index, run.PhaseTags(phase.Index));
        }
    }

    private IEnumerable<Measurement<int>> ObserveClosedUsers()
    {
        foreach (var run in Volatile.Read(ref _runs))
        {
            if (run.Live!.Phase is { Users: { } users } phase)
            {
                yield return new Measurement<int>(users, run.PhaseTags(phase.Index));
            }
        }
    }

    private sealed class Detach(EngineInstruments owner, RunTelemetry run) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                if (!owner._runs.Contains(run))
                {
                    return;
                }

                owner._endedRequests.Add(run.Requests());
                owner._endedErrors.Add(run.Errors());
                owner._endedArrivals.Add(run.Arrivals());
                owner._endedLateArrivals.Add(run.LateArrivals());
                owner._runs = [.. owner._runs.Where(r => r != run)];
            }
        }
    }
}
