namespace SystemUnderTest.Contracts;

/// <summary>
/// Enqueue-to-stored latency in milliseconds from the HdrHistogram buckets of perf:job-latency-buckets: percentiles
/// are bucket midpoints (2 significant digits, within 1 %), max is exact.
/// </summary>
public sealed record LatencyPercentiles(long Count, double P50, double P95, double P99, double Max);
