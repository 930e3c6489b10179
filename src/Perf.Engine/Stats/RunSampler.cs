using System.Diagnostics;
using HdrHistogram;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Engine.Scheduling;
using Perf.Engine.Telemetry;

namespace Perf.Engine.Stats;

/// <summary>
/// Once a second: swaps the interval histogram and counters into a <see cref="TimeSeriesPoint"/>, and every
/// progress interval hands a <see cref="ProgressSnapshot"/> to the observer, and every second a <see cref="SecondSample"/>
/// to <paramref name="second"/> when a live view is attached. Runs on the thread pool, off the hot path.
/// It is also the run's <see cref="ILiveRun"/>: the observed instruments read the same phase, rates, arrivals and in-flight count
/// the progress line and the 1-second series show.
/// </summary>
internal sealed class RunSampler(RunContext context, RunRecorder recorder, Func<int> currentPhase, RunOptions options, Action<SecondSample>? second = null) : ILiveRun
{
    private readonly List<TimeSeriesPoint> _points = [];
    private readonly LongHistogram _progressLatency = Histograms.NewSingleWriter();
    private HistogramBase? _spare;
    private long _lastSample;
    private long _lastProgress;
    private long _progressArrivals;
    private long _progressErrors;
    private double _scheduledAtLastProgress;
    private double _scheduledAtLastSample;
    private double _lastArrivalRate;

    public IReadOnlyList<TimeSeriesPoint> Points => _points;

    public long InFlight => context.InFlight;

    public double AchievedRate => Volatile.Read(ref _lastArrivalRate);

    public LivePhase Phase => PhaseAt(Stopwatch.GetTimestamp());

    public long StartedArrivals(int phaseIndex) => recorder.Phases[phaseIndex].Started;

    public long LateArrivals(int phaseIndex) => recorder.Phases[phaseIndex].Late;

    public async Task RunAsync(CancellationToken stop)
    {
        _lastSample = _lastProgress = context.StartTimestamp;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by the runner; it takes the final sample itself.
        }
    }

    /// <summary>Closes the current interval; called by the timer and once more at the end of the run.</summary>
    public void Sample()
    {
        var now = Stopwatch.GetTimestamp();
        var seconds = (now - _lastSample) / (double)Stopwatch.Frequency;
        if (seconds < 0.05)
        {
            return;
        }

        var interval = _spare is null ? recorder.Interval.GetIntervalHistogram() : recorder.Interval.GetIntervalHistogram(_spare);
        var (arrivals, requests, errors) = recorder.TakeIntervalCounts();
        var point = new TimeSeriesPoint(
            Histograms.Round((now - context.StartTimestamp) / (double)Stopwatch.Frequency),
            arrivals,
            requests,
            Histograms.Round(requests / seconds),
            Histograms.Round(Histograms.Millis(interval, 50)),
            Histograms.Round(Histograms.Millis(interval, 95)),
            Histograms.Round(Histograms.Millis(interval, 99)),
            errors,
            context.InFlight);
        _points.Add(point);
        Volatile.Write(ref _lastArrivalRate, Histograms.Round(arrivals / seconds));
        _progressLatency.Add(interval);
        _spare = interval;
        _progressArrivals += arrivals;
        _progressErrors += errors;
        _lastSample = now;
        if (second is not null)
        {
            Notify(second, Second(now, point, seconds));
        }

        if (options.Progress is not null && now - _lastProgress >= options.ProgressInterval.TotalSeconds * Stopwatch.Frequency * 0.95)
        {
            Report(now);
        }
    }

    /// <summary>Arrivals the schedule intends up to <paramref name="timestamp"/>, over every phase (continuous, not rounded).</summary>
    private double ScheduledArrivals(long timestamp) =>
        recorder.Phases.Sum(p => PhaseSchedule.CumulativeArrivals(p.Phase, (timestamp - p.StartTimestamp) / (double)Stopwatch.Frequency));

    private LivePhase PhaseAt(long timestamp)
    {
        var phase = recorder.Phases[Math.Min(currentPhase(), recorder.Phases.Count - 1)];
        var inPhase = (timestamp - phase.StartTimestamp) / (double)Stopwatch.Frequency;
        return new LivePhase(
            phase.Index,
            phase.Phase.Name,
            phase.Phase.Model,
            Histograms.Round(PhaseSchedule.RateAt(phase.Phase, inPhase)),
            phase.Phase.Model == LoadModel.Closed ? PhaseSchedule.ConcurrencyAt(phase.Phase, inPhase) : null);
    }

    private void Report(long now)
    {
        var elapsed = (now - context.StartTimestamp) / (double)Stopwatch.Frequency;
        var span = (now - _lastProgress) / (double)Stopwatch.Frequency;
        var phase = PhaseAt(now);
        var scheduled = ScheduledArrivals(now);
        var snapshot = new ProgressSnapshot(
            TimeSpan.FromSeconds(elapsed),
            context.Plan.Profile.TotalDuration,
            phase.Index,
            phase.Name,
            phase.TargetRate,
            Histograms.Round(_progressArrivals / span),
            context.InFlight,
            Histograms.Round(Histograms.Millis(_progressLatency, 95)),
            Histograms.Round(Histograms.Millis(_progressLatency, 99)),
            recorder.Requests,
            recorder.ErrorCount,
            _progressErrors,
            recorder.Phases.Sum(p => p.Late),
            Histograms.Round((scheduled - _scheduledAtLastProgress) / span),
            Histograms.Round(Histograms.Millis(_progressLatency, 50)),
            phase.Users,
            recorder.DroppedArrivals);
        _scheduledAtLastProgress = scheduled;
        _progressLatency.Reset();
        _progressArrivals = _progressErrors = 0;
        _lastProgress = now;
        Notify(options.Progress!, snapshot);
    }

    private SecondSample Second(long now, TimeSeriesPoint point, double seconds)
    {
        var scheduled = ScheduledArrivals(now);
        var intervalTarget = Histograms.Round((scheduled - _scheduledAtLastSample) / seconds);
        _scheduledAtLastSample = scheduled;
        return new SecondSample(
            now,
            point,
            PhaseAt(now),
            intervalTarget,
            Histograms.Round(point.Arrivals / seconds),
            recorder.Phases.Sum(p => p.Late),
            recorder.DroppedArrivals,
            recorder.StatusCodes(),
            recorder.ErrorKinds());
    }

    private static void Notify<T>(Action<T> observer, T value)
    {
        try
        {
            observer(value);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An observer's bug must not end a four-minute run; the report is still worth having.
            Trace.TraceWarning($"run observer threw: {e.Message}");
        }
    }
}
