using Perf.Engine.Telemetry;

namespace Perf.Engine.Stats;

/// <summary>
/// One closed second as the sampler saw it: the 1-second series' point, the phase, the schedule's and the arrivals'
/// average rate over that second, and totals since the start (late and dropped arrivals, responses by status code,
/// failures by error kind). <see cref="Timestamp"/> is the stopwatch time it was taken.
/// </summary>
internal sealed record SecondSample(
    long Timestamp,
    TimeSeriesPoint Point,
    LivePhase Phase,
    double IntervalTargetRate,
    double AchievedRate,
    long LateArrivals,
    long DroppedArrivals,
    IReadOnlyDictionary<int, long> StatusCodes,
    IReadOnlyDictionary<string, long> ErrorKinds);
