using HdrHistogram;
using Perf.Engine.Profiles;
using Perf.Engine.Scheduling;

namespace Perf.Engine.Stats;

/// <summary>
/// Started and late arrivals of one phase, recorded by virtual users as they begin (lateness covers every arrival),
/// and the requests of those arrivals: a request belongs to the phase its arrival was scheduled in, even when it
/// completes after the phase ended, so a slow phase's latency is not booked to the next one.
/// </summary>
internal sealed class PhaseRecorder(int index, Phase phase, long startTimestamp, long lateThresholdTicks, int? maxInFlight)
{
    private readonly LongConcurrentHistogram _lateness = Histograms.NewConcurrent();
    private long _started;
    private long _late;
    private long _dropped;
    private long _lastStartTimestamp;

    public int Index { get; } = index;

    public Phase Phase { get; } = phase;

    /// <summary>Stopwatch timestamp of the phase's intended start.</summary>
    public long StartTimestamp { get; } = startTimestamp;

    public long Started => Volatile.Read(ref _started);

    public long Late => Volatile.Read(ref _late);

    public long Dropped => Volatile.Read(ref _dropped);

    public void RecordDrop() => Interlocked.Increment(ref _dropped);

    public TrafficRecorder Traffic { get; } = new();

    /// <summary>Records a started arrival, and whether it was late.</summary>
    public void RecordStart(long intendedTimestamp, long actualTimestamp)
    {
        Interlocked.Increment(ref _started);
        var lateness = actualTimestamp - intendedTimestamp;
        _lateness.RecordValue(Histograms.Clamp(lateness * 1_000_000 / System.Diagnostics.Stopwatch.Frequency));
        if (lateness > lateThresholdTicks)
        {
            Interlocked.Increment(ref _late);
        }

        long seen;
        while ((seen = Volatile.Read(ref _lastStartTimestamp)) < actualTimestamp &&
               Interlocked.CompareExchange(ref _lastStartTimestamp, actualTimestamp, seen) != seen)
        {
        }
    }

    public PhaseReport ToReport(long runStartTimestamp)
    {
        var frequency = (double)System.Diagnostics.Stopwatch.Frequency;
        var started = Volatile.Read(ref _started);
        var duration = Phase.Duration.TotalSeconds;
        var lastStart = Volatile.Read(ref _lastStartTimestamp);
        var window = Math.Max(duration, lastStart == 0 ? 0 : (lastStart - StartTimestamp) / frequency);
        var lateness = _lateness.Copy();
        return new PhaseReport(
            Index,
            Phase.Name,
            Histograms.Round((StartTimestamp - runStartTimestamp) / frequency),
            Histograms.Round(duration),
            Phase.ArrivalRate,
            Phase.EndRate,
            Histograms.Round(PhaseSchedule.MeanRate(Phase)),
            PhaseSchedule.ArrivalCount(Phase),
            started,
            Histograms.Round(window > 0 ? started / window : 0),
            Late,
            Histograms.Round(Histograms.Millis(lateness, 99)),
            Histograms.Round(lateness.TotalCount == 0 ? 0 : lateness.GetMaxValue() / 1000.0))
        {
            Traffic = Traffic.ToStats(duration),
            MaxInFlight = Phase.Model == LoadModel.Open ? maxInFlight : null,
            DroppedArrivals = Dropped,
        };
    }
}
