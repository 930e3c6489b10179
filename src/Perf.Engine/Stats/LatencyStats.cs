using Perf.Engine.Profiles;

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

    public double Value(Aggregation aggregation) => aggregation switch
    {
        Aggregation.Min => Min,
        Aggregation.Max => Max,
        Aggregation.Mean => Mean,
        Aggregation.Median or Aggregation.P50 => P50,
        Aggregation.P75 => P75,
        Aggregation.P90 => P90,
        Aggregation.P95 => P95,
        Aggregation.P99 => P99,
        Aggregation.P999 => P999,
        _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "not an aggregation"),
    };
}
