namespace Perf.Engine.Profiles;

/// <summary>A latency aggregation of a threshold; the names in profiles are the lower-case ones (<c>p95</c>, <c>median</c>).</summary>
public enum Aggregation
{
    Min,
    Max,
    Mean,

    /// <summary>The same value as <see cref="P50"/> (Artillery accepts both names).</summary>
    Median,
    P50,
    P75,
    P90,
    P95,
    P99,
    P999,
}
