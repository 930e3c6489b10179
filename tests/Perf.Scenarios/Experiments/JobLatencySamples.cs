using Perf.Fixtures;

namespace Perf.Scenarios.Experiments;

/// <summary>
/// The SUT's end-to-end job latencies (list perf:job-latency-ms, one entry per stored job, in store order; see
/// docs/system-under-test.md), read by index so a step sees only the jobs stored while it ran.
/// </summary>
public static class JobLatencySamples
{
    public const string Key = "perf:job-latency-ms";

    public static Task<long> CountAsync(PerfEnvironment environment) => environment.Redis.GetDatabase().ListLengthAsync(Key);

    public static async Task<double[]> RangeAsync(PerfEnvironment environment, long from, long toExclusive)
    {
        if (toExclusive <= from)
        {
            return [];
        }

        var values = await environment.Redis.GetDatabase().ListRangeAsync(Key, from, toExclusive - 1).ConfigureAwait(false);
        return values.Select(v => (double)v).ToArray();
    }

    /// <summary>Nearest-rank percentile, as the SUT computes its own (null for no samples).</summary>
    public static double? Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
