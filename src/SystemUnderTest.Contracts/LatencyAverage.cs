namespace SystemUnderTest.Contracts;

/// <summary>Average enqueue-to-stored latency in the analytics summary.</summary>
public sealed record LatencyAverage(double Avg);
