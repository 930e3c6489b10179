using Perf.Engine.Profiles;
using Perf.Engine.Running;

namespace Perf.Engine;

/// <summary>
/// Closed model, for finding the maximum throughput (like wrk): the profile's scenarios run in one
/// <see cref="Load.ConstantConcurrency"/> phase of the given number of users. Latencies are service times
/// here, so they suffer coordinated omission by design; use an open-model phase for latency under a given load.
/// </summary>
public static class ClosedLoopRunner
{
    public static async Task<ClosedLoopResult> RunAsync(
        LoadProfile profile, int concurrency, TimeSpan duration, RunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        var closed = profile with { Phases = [Load.ConstantConcurrency(concurrency, duration, "closed loop")], Thresholds = [] };
        var report = await new LoadRunner().RunAsync(closed, options, cancellationToken).ConfigureAwait(false);
        var totals = report.ClosedModel!.Totals;
        return new ClosedLoopResult(concurrency, totals.Requests, report.DurationSeconds, totals.Rps, totals.ErrorCount, totals.Latency);
    }
}
