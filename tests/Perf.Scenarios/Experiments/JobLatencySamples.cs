using Perf.Fixtures;
using Perf.Fixtures.Metrics;

namespace Perf.Scenarios.Experiments;

/// <summary>
/// The SUT's end-to-end job latencies (docs/system-under-test.md), read as a snapshot so that a step sees only the jobs
/// stored while it ran: the HdrHistogram bucket hash perf:job-latency-buckets (field = lowest value of a bucket in ms,
/// value = count), or, from SUT images that predate it, the list perf:job-latency-ms in store order.
/// </summary>
public static class JobLatencySamples
{
    public const string ListKey = "perf:job-latency-ms";

    public sealed record Snapshot(long ListLength, IReadOnlyDictionary<long, long> Buckets);

    public static async Task<Snapshot> SnapshotAsync(PerfEnvironment environment)
    {
        var db = environment.Redis.GetDatabase();
        var buckets = await JobLatencyBuckets.ReadAsync(db).ConfigureAwait(false);
        return new Snapshot(buckets.Count > 0 ? 0 : await db.ListLengthAsync(ListKey).ConfigureAwait(false), buckets);
    }

    /// <summary>The latencies recorded between two snapshots (bucket values, ascending, when the SUT keeps buckets).</summary>
    public static async Task<double[]> BetweenAsync(PerfEnvironment environment, Snapshot before, Snapshot after)
    {
        if (after.Buckets.Count > 0)
        {
            return JobLatencyBuckets.Between(before.Buckets, after.Buckets).OrderBy(b => b.Key)
                .SelectMany(b => Enumerable.Repeat((double)b.Key, (int)b.Value))
                .ToArray();
        }

        if (after.ListLength <= before.ListLength)
        {
            return [];
        }

        var values = await environment.Redis.GetDatabase().ListRangeAsync(ListKey, before.ListLength, after.ListLength - 1).ConfigureAwait(false);
        return values.Select(v => (double)v).ToArray();
    }

    public static Snapshot Empty { get; } = new(0, new Dictionary<long, long>());

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
