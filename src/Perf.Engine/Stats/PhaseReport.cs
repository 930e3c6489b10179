namespace Perf.Engine.Stats;

/// <summary>
/// Target versus achieved arrivals of one phase. <see cref="AchievedRate"/> is started arrivals divided by the
/// time from the phase start to the later of its end and the start of its last arrival, so a generator that
/// falls behind shows a lower rate rather than a full count.
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
    double LatenessMaxMs);
