namespace Perf.Statistics;

/// <summary>
/// How two sides are compared: <see cref="Ratio"/> (b / a) for latencies, throughput, CPU and memory, where a
/// change is proportional; <see cref="Difference"/> (b − a) for rates that sit near 0, such as an error rate, where
/// a ratio of two small numbers says little.
/// </summary>
public enum EffectScale
{
    Ratio,
    Difference,
}
