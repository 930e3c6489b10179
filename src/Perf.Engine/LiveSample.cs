using Perf.Engine.Reporting;
using Perf.Engine.Stats;

namespace Perf.Engine;

/// <summary>
/// One second of a running profile, handed to <see cref="LoadRunner.Sample"/> by the sampler that builds the run's
/// 1-second series, so a live view shows the values the report will hold. <see cref="Point"/> is that series' point;
/// <see cref="TargetRate"/> (null in a closed-model phase) and <see cref="AchievedRate"/> are averages over the same
/// second (the schedule's and the arrivals'); the counts by status code and error kind, late and dropped arrivals are
/// totals since the start. <see cref="Thresholds"/> is the profile's ensure checks evaluated on the run so far, every
/// <see cref="LoadRunner.LiveThresholdInterval"/> and null in between; the final verdict is the report's.
/// </summary>
public sealed record LiveSample(
    TimeSeriesPoint Point,
    int PhaseIndex,
    string PhaseName,
    double? TargetRate,
    double AchievedRate,
    long LateArrivals,
    long DroppedArrivals,
    IReadOnlyDictionary<int, long> StatusCodes,
    IReadOnlyDictionary<string, long> ErrorKinds,
    ThresholdResult? Thresholds);
