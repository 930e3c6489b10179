using System.Globalization;
using StackExchange.Redis;
using SystemUnderTest.Contracts;

namespace Perf.Fixtures.Metrics;

/// <summary>
/// The SUT's end-to-end job latencies as it keeps them: the HdrHistogram bucket hash perf:job-latency-buckets
/// (field = lowest value of a bucket in ms, value = its count; docs/system-under-test.md). Two snapshots give the
/// latencies of the jobs stored between them, so a once-a-second sample yields that second's percentiles.
/// </summary>
public static class JobLatencyBuckets
{
    public static IReadOnlyDictionary<long, long> Empty { get; } = new Dictionary<long, long>();

    /// <summary>The bucket (its lowest value in ms) a latency falls in, for systems whose latencies the suite buckets itself.</summary>
    public static long BucketOf(long latencyMs) => JobLatencyLayout.BucketOf(latencyMs);

    public static async Task<IReadOnlyDictionary<long, long>> ReadAsync(IDatabase database)
    {
        var buckets = new Dictionary<long, long>();
        foreach (var entry in await database.HashGetAllAsync(RedisKeys.JobLatencyBuckets).ConfigureAwait(false))
        {
            if (long.TryParse(entry.Name.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var bucket) && entry.Value.TryParse(out long count))
            {
                buckets[bucket] = count;
            }
        }

        return buckets;
    }

    /// <summary>The counts recorded after <paramref name="before"/> and up to <paramref name="after"/>, per bucket.</summary>
    public static IReadOnlyDictionary<long, long> Between(IReadOnlyDictionary<long, long> before, IReadOnlyDictionary<long, long> after) =>
        after.Select(b => (b.Key, Count: b.Value - before.GetValueOrDefault(b.Key)))
            .Where(b => b.Count > 0)
            .ToDictionary(b => b.Key, b => b.Count);

    /// <summary>Nearest-rank percentile over bucket values (the lowest value of each bucket), null without jobs.</summary>
    public static double? Percentile(IReadOnlyDictionary<long, long> buckets, double percentile)
    {
        var total = buckets.Values.Sum();
        if (total <= 0)
        {
            return null;
        }

        var rank = Math.Clamp((long)Math.Ceiling(percentile / 100 * total), 1, total);
        long seen = 0;
        foreach (var (bucket, count) in buckets.OrderBy(b => b.Key))
        {
            seen += count;
            if (seen >= rank)
            {
                return bucket;
            }
        }

        return buckets.Keys.Max();
    }
}
