using System.Globalization;
using HdrHistogram;
using StackExchange.Redis;
using SystemUnderTest.Contracts;

namespace SystemUnderTest.Metrics;

/// <summary>
/// End-to-end job latency as HdrHistogram buckets in a Redis hash (<c>perf:job-latency-buckets</c>): field = the
/// lowest value of a bucket in ms, value = its count, plus the exact <c>max</c>. The worker's outcome script adds 1 to
/// one field, so recording costs O(1) inside Redis and reading costs O(buckets), never O(jobs); HdrHistogram's own
/// bucketing and percentile code serve both sides, with its relative error bound of 2 significant digits.
/// </summary>
public static class JobLatencyHistogram
{
    public const string MaxField = "max";

    /// <summary>One hour: a job older than that is reported in the last bucket (still counted, value clamped).</summary>
    public const long HighestTrackableMs = 3_600_000;

    public const int SignificantDigits = 2;

    private static readonly LongHistogram Layout = new(HighestTrackableMs, SignificantDigits);

    /// <summary>The hash field a latency lands in: the lowest value HdrHistogram treats as equivalent to it.</summary>
    public static long BucketOf(long latencyMs) =>
        Layout.LowestEquivalentValue(Math.Clamp(latencyMs, 0, HighestTrackableMs));

    public static string FieldOf(long latencyMs) => BucketOf(latencyMs).ToString(CultureInfo.InvariantCulture);

    /// <summary>Rebuilds the histogram from the hash and reads count, p50, p95, p99 (bucket midpoints) and the exact max.</summary>
    public static LatencyPercentiles Read(HashEntry[] fields)
    {
        var histogram = new LongHistogram(HighestTrackableMs, SignificantDigits);
        long max = 0;
        foreach (var field in fields)
        {
            if (!field.Value.TryParse(out long count))
            {
                continue;
            }

            if (field.Name == MaxField)
            {
                max = count;
            }
            else if (long.TryParse(field.Name.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var bucket) && count > 0)
            {
                histogram.RecordValueWithCount(Math.Clamp(bucket, 0, HighestTrackableMs), count);
            }
        }

        var total = histogram.TotalCount;
        if (total == 0)
        {
            return new LatencyPercentiles(0, 0, 0, 0, 0);
        }

        // The exact max (kept beside the buckets) also caps the percentiles, which HdrHistogram reports as bucket midpoints.
        var highest = max > 0 ? max : histogram.GetMaxValue();
        double At(double percentile) => Math.Min(histogram.MedianEquivalentValue(histogram.GetValueAtPercentile(percentile)), highest);
        return new LatencyPercentiles(total, At(50), At(95), At(99), highest);
    }
}
