using System.Globalization;
using HdrHistogram;

namespace SystemUnderTest.Contracts;

/// <summary>
/// The layout of the latency bucket hash <see cref="RedisKeys.JobLatencyBuckets"/>: field = the lowest value in ms of
/// an HdrHistogram bucket (0..<see cref="HighestTrackableMs"/>, <see cref="SignificantDigits"/> significant digits),
/// value = its count, plus the exact maximum in <see cref="MaxField"/>. The system writes it, the suite reads it.
/// </summary>
public static class JobLatencyLayout
{
    public const string MaxField = "max";

    /// <summary>One hour: a job older than that is reported in the last bucket (still counted, value clamped).</summary>
    public const long HighestTrackableMs = 3_600_000;

    public const int SignificantDigits = 2;

    private static readonly LongHistogram Layout = new(HighestTrackableMs, SignificantDigits);

    /// <summary>The bucket a latency lands in: the lowest value HdrHistogram treats as equivalent to it.</summary>
    public static long BucketOf(long latencyMs) =>
        Layout.LowestEquivalentValue(Math.Clamp(latencyMs, 0, HighestTrackableMs));

    /// <summary>The hash field of <see cref="BucketOf"/>.</summary>
    public static string FieldOf(long latencyMs) => BucketOf(latencyMs).ToString(CultureInfo.InvariantCulture);
}
