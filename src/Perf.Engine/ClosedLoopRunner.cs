using System.Diagnostics;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Engine.Stats;

namespace Perf.Engine;

/// <summary>
/// Closed model, for finding the maximum throughput (like wrk): <c>concurrency</c> workers each run a scenario
/// flow and start the next as soon as it ends. Latencies are service times here, so they suffer coordinated
/// omission by design; use <see cref="LoadRunner"/> for latency under a given load.
/// </summary>
public static class ClosedLoopRunner
{
    public static async Task<ClosedLoopResult> RunAsync(
        LoadProfile profile, int concurrency, TimeSpan duration, RunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var plan = new CompiledPlan(profile);
        using var context = new RunContext(plan, options, stop.Token);
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
        {
            var random = new Random(options.Seed + i);
            while (Stopwatch.GetTimestamp() < end && !stop.IsCancellationRequested)
            {
                await VirtualUser.RunFlowAsync(context, plan.Pick(random), Stopwatch.GetTimestamp()).ConfigureAwait(false);
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var seconds = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
        var totals = context.Totals.ToStats(seconds);
        return new ClosedLoopResult(concurrency, totals.Requests, Histograms.Round(seconds), totals.Rps, totals.ErrorCount, totals.Latency);
    }
}
