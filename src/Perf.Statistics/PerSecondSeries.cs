namespace Perf.Statistics;

/// <summary>
/// One side's per-second values over the window being compared (for the perf suite: the sustained phase), in time
/// order. The statistic compared is their weighted mean, Σ wᵢvᵢ / Σ wᵢ: with unit weights the plain mean (CPU,
/// memory, per-second latency percentiles, rates); with requests as weights and per-second error rates as values,
/// the error rate of the whole window.
/// </summary>
public sealed class PerSecondSeries
{
    public PerSecondSeries(IReadOnlyList<double> values, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (weights is not null && weights.Count != values.Count)
        {
            throw new ArgumentException($"{weights.Count} weights for {values.Count} values", nameof(weights));
        }

        if (values.Any(v => !double.IsFinite(v)) || weights?.Any(w => !double.IsFinite(w) || w < 0) == true)
        {
            throw new ArgumentException("values must be finite and weights finite and not negative", nameof(values));
        }

        Values = values;
        Weights = weights;
    }

    public IReadOnlyList<double> Values { get; }

    public IReadOnlyList<double>? Weights { get; }

    public int Count => Values.Count;

    /// <summary>The weighted mean over all seconds; NaN when the weights sum to 0.</summary>
    public double Statistic() => WeightedMean(Enumerable.Range(0, Count));

    internal double WeightedMean(IEnumerable<int> indices)
    {
        double sum = 0, weight = 0;
        foreach (var i in indices)
        {
            var w = Weights?[i] ?? 1;
            sum += w * Values[i];
            weight += w;
        }

        return weight > 0 ? sum / weight : double.NaN;
    }
}
