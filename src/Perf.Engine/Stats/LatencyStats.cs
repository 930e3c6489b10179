namespace Perf.Engine.Stats;

/// <summary>Latency in milliseconds, from each request's intended start to its complete response.</summary>
public sealed record LatencyStats(
    double Min,
    double P50,
    double P75,
    double P90,
    double P95,
    double P99,
    double P999,
    double Max,
    double Mean)
{
    public static LatencyStats Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
