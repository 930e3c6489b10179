namespace SystemUnderTest.Jobs;

/// <summary>Nearest-rank percentiles of perf:job-latency-ms (milliseconds).</summary>
public sealed record LatencyPercentiles(long Count, double P50, double P95, double P99, double Max);
