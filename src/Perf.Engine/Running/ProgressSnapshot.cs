using System.Globalization;

namespace Perf.Engine.Running;

/// <summary>
/// A look at a running profile; interval values cover the time since the previous snapshot. <see cref="TargetRate"/>
/// is the schedule's rate at this instant; <see cref="IntervalTargetRate"/> and <see cref="AchievedRate"/> are averages
/// over the same interval, so a ramp that is on schedule shows them equal. In a closed-model phase there is no target
/// rate: <see cref="Concurrency"/> is the number of users kept busy at this instant and the achieved rate counts iterations.
/// <see cref="DroppedArrivals"/> counts, since the start, arrivals dropped at the in-flight cap (<c>RunOptions.MaxInFlight</c>, <c>maxVusers</c>).
/// </summary>
public sealed record ProgressSnapshot(
    TimeSpan Elapsed,
    TimeSpan Total,
    int PhaseIndex,
    string PhaseName,
    double TargetRate,
    double AchievedRate,
    long InFlight,
    double IntervalP95Ms,
    double IntervalP99Ms,
    long Requests,
    long Errors,
    long IntervalErrors,
    long LateArrivals,
    double IntervalTargetRate,
    double IntervalP50Ms,
    int? Concurrency = null,
    long DroppedArrivals = 0)
{
    /// <summary>"target 100/s achieved 99/s", or for a closed-model phase "closed model, 8 users, 442 iterations/s".</summary>
    public string RateText => Concurrency is { } users
        ? string.Create(CultureInfo.InvariantCulture, $"closed model, {users} users, {AchievedRate:F0} iterations/s")
        : string.Create(CultureInfo.InvariantCulture, $"target {IntervalTargetRate:F0}/s achieved {AchievedRate:F0}/s");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"[{Elapsed.TotalSeconds,6:F1}s/{Total.TotalSeconds:F0}s] {PhaseName}: {RateText}, " +
        $"in-flight {InFlight}, p50 {IntervalP50Ms:F1} ms, p95 {IntervalP95Ms:F1} ms, p99 {IntervalP99Ms:F1} ms, requests {Requests}, errors {Errors} (+{IntervalErrors}), late {LateArrivals}{DroppedText}");

    /// <summary>Shown only when arrivals were dropped, so a run without a cap keeps its familiar line.</summary>
    private string DroppedText => DroppedArrivals > 0
        ? string.Create(CultureInfo.InvariantCulture, $", dropped {DroppedArrivals} (in-flight cap)")
        : string.Empty;
}
