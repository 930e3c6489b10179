using System.Globalization;
using HdrHistogram;
using StackExchange.Redis;
using SystemUnderTest.Contracts;

namespace SystemUnderTest.Metrics;

/// <summary>
/// Reads the end-to-end job latency buckets (<see cref="JobLatencyLayout"/>, in <c>perf:job-latency-buckets</c>): field = the
/// lowest value of a bucket in ms, value = its count, plus the exact <c>max</c>. The worker's outcome script adds 1 to
/// one field, so recording costs O(1) inside Redis and reading costs O(buckets), never O(jobs); HdrHistogram's own
/// bucketing and percentile code serve both sides, with its relative error bound of 2 significant digits.
/// </summary>
public static class JobLatencyHistogram
{
    /// <summary>Rebuilds the histogram from the hash and reads count, p50, p95, p99 (bucket midpoints) and the exact max.</summary>
    public static LatencyPercentiles Read(HashEntry[] fields)
    {
        var histogram = new LongHistogram(JobLatencyLayout.HighestTrackableMs, JobLatencyLayout.SignificantDigits);
        long max = 0;
        foreach (var field in fields)
        {
            if (!field.Value.TryParse(out long count))
            {
                continue;
            }

            if (field.Name == JobLatencyLayout.MaxField)
            {
                max = count;
            }
            else if (long.TryParse(field.Name.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var bucket) && count > 0)
            {
                histogram.RecordValueWithCount(Math.Clamp(bucket, 0, JobLatencyLayout.HighestTrackableMs), count);
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
