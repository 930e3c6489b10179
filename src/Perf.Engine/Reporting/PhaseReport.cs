namespace Perf.Engine.Reporting;

/// <summary>
/// Target versus achieved arrivals of one phase. <see cref="AchievedRate"/> is started arrivals divided by the
/// time from the phase start to the later of its end and the start of its last arrival, so a generator that
/// falls behind shows a lower rate rather than a full count. <see cref="Traffic"/> holds the requests of the
/// phase's arrivals (latency histogram summary, status codes, errors); its rate is over the phase's duration.
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
    /// <summary>Null in reports written before phases had their own statistics.</summary>
    public TrafficStats? Traffic { get; init; }
}
