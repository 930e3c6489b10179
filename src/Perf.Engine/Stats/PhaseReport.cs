using Perf.Engine.Profiles;

namespace Perf.Engine.Stats;

/// <summary>
/// Target versus achieved arrivals of one phase. <see cref="AchievedRate"/> is started arrivals divided by the
/// time from the phase start to the later of its end and the start of its last arrival, so a generator that
/// falls behind shows a lower rate rather than a full count. A closed-model phase (<see cref="Model"/>) has no
/// target arrivals: its started arrivals are iterations of its busy users, between <see cref="StartConcurrency"/>
/// and <see cref="EndConcurrency"/>. <see cref="Traffic"/> holds the requests of the phase's arrivals (or iterations)
/// (latency histogram summary, status codes, errors); its rate is over the phase's duration.
/// </summary>
public sealed record PhaseReport(
    int Index,
    string Name,
    double StartOffsetSeconds,
    double DurationSeconds,
    double TargetStartRate,
    double TargetEndRate,
    double TargetRate,
    long TargetArrivals,
    long StartedArrivals,
    double AchievedRate,
    long LateArrivals,
    double LatenessP99Ms,
    double LatenessMaxMs)
{
    public LoadModel Model { get; init; } = LoadModel.Open;

    public PhaseKind Kind { get; init; } = PhaseKind.ArrivalRate;

    public int StartConcurrency { get; init; }

    public int EndConcurrency { get; init; }

    /// <summary>The cap on open-model virtual users in flight while this phase released arrivals; null: no cap.</summary>
    public int? MaxInFlight { get; init; }

    /// <summary>
    /// Arrivals of this phase that found <see cref="MaxInFlight"/> users in flight and were dropped: never started,
    /// not in <see cref="StartedArrivals"/> (so the achieved rate shows them missing), Artillery's <c>vusers.skipped</c>.
    /// </summary>
    public long DroppedArrivals { get; init; }

    /// <summary>Null in reports written before phases had their own statistics.</summary>
    public TrafficStats? Traffic { get; init; }
}
