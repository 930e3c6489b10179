using MathNet.Numerics.Statistics;

namespace Perf.Statistics;

/// <summary>
/// Within-run comparison of two per-second series by a circular moving-block bootstrap (Künsch 1989; Politis and
/// Romano 1992). Neither Perfolizer nor MathNet.Numerics has a bootstrap for dependent data, so the resampling is
/// written here; MathNet gives the autocorrelation and the percentiles. Seconds of one run are not independent
/// (a queue backlog or a GC pause carries over), so resampling single seconds would understate the spread; blocks of
/// consecutive seconds keep that dependence. Each side is resampled on its own, the statistic of
/// <see cref="PerSecondSeries"/> recomputed, and the 2.5 % and 97.5 % percentiles of b/a (or b − a) form the interval.
/// The interval covers second-to-second variation inside these two runs only, never run-to-run variation.
/// </summary>
public sealed class BlockBootstrap(int resamples = 2000, int seed = 12_2026)
{
    /// <summary>Fewer seconds than this per side give no interval: a block bootstrap needs several blocks.</summary>
    public const int MinimumSeconds = 8;

    public EffectEstimate Compare(PerSecondSeries a, PerSecondSeries b, EffectScale scale, int? blockLength = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (statA, statB) = (a.Statistic(), b.Statistic());
        var estimate = Effect(statA, statB, scale);
        if (a.Count < MinimumSeconds || b.Count < MinimumSeconds)
        {
            return EffectEstimate.WithoutInterval(scale, estimate,
                $"no interval: {Math.Min(a.Count, b.Count)} seconds in the shorter series, a block bootstrap needs at least {MinimumSeconds}");
        }

        if (!double.IsFinite(estimate))
        {
            return EffectEstimate.WithoutInterval(scale, estimate, "no interval: the ratio has a zero or undefined baseline");
        }

        var length = blockLength ?? Math.Max(ChooseBlockLength(a.Values), ChooseBlockLength(b.Values));
        var random = new Random(seed);
        var indices = new int[Math.Max(a.Count, b.Count)];
        return Percentiles(scale, estimate, () => Effect(
                a.WeightedMean(Resample(a.Count, length, random, indices)),
                b.WeightedMean(Resample(b.Count, length, random, indices)), scale),
            $"circular block bootstrap of the per-second mean ({a.Count} and {b.Count} s, blocks of {length} s, {resamples} resamples)");
    }

    /// <summary>
    /// Within-run interval for an effect that combines several runs, such as a contrast of a designed experiment
    /// (mean at the high level minus mean at the low level). Every run's series is resampled on its own in blocks
    /// (length chosen per series), reduced by <paramref name="runStatistic"/>, and the runs' statistics, in run order,
    /// combined by <paramref name="effect"/>; the interval is on the <see cref="EffectScale.Difference"/> scale.
    /// </summary>
    public EffectEstimate Combine(IReadOnlyList<IReadOnlyList<double>> seriesPerRun, Func<IReadOnlyList<double>, double> runStatistic,
        Func<IReadOnlyList<double>, double> effect)
    {
        ArgumentNullException.ThrowIfNull(seriesPerRun);
        ArgumentNullException.ThrowIfNull(runStatistic);
        ArgumentNullException.ThrowIfNull(effect);
        if (seriesPerRun.Count == 0 || seriesPerRun.Any(s => s.Count == 0))
        {
            throw new ArgumentException("every run needs at least one value in its series", nameof(seriesPerRun));
        }

        var estimate = effect([.. seriesPerRun.Select(runStatistic)]);
        var shortest = seriesPerRun.Min(s => s.Count);
        if (shortest < MinimumSeconds)
        {
            return EffectEstimate.WithoutInterval(EffectScale.Difference, estimate,
                $"no interval: {shortest} value(s) in the shortest run's series, a block bootstrap needs at least {MinimumSeconds}");
        }

        var lengths = seriesPerRun.Select(ChooseBlockLength).ToArray();
        var random = new Random(seed);
        var indices = new int[seriesPerRun.Max(s => s.Count)];
        var buffers = seriesPerRun.Select(s => new double[s.Count]).ToArray();
        var statistics = new double[seriesPerRun.Count];
        return Percentiles(EffectScale.Difference, estimate, () =>
            {
                for (var r = 0; r < seriesPerRun.Count; r++)
                {
                    var picked = Resample(seriesPerRun[r].Count, lengths[r], random, indices);
                    for (var i = 0; i < picked.Count; i++)
                    {
                        buffers[r][i] = seriesPerRun[r][picked[i]];
                    }

                    statistics[r] = runStatistic(buffers[r]);
                }

                return effect(statistics);
            },
            $"circular block bootstrap within each of {seriesPerRun.Count} runs ({shortest}+ values per run, blocks of {lengths.Min()}–{lengths.Max()}, {resamples} resamples)");
    }

    /// <summary>
    /// Block length from the lag-1 autocorrelation ρ, by the rule for an AR(1)-like series that minimises the
    /// bootstrap variance's error (Bühlmann and Künsch 1999; Politis and White 2004): ⌈(2ρ / (1 − ρ²))^(2/3) · n^(1/3)⌉,
    /// at least 1, at most n / 4 so that every resample mixes several blocks.
    /// </summary>
    public static int ChooseBlockLength(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        var ceiling = Math.Max(1, n / 4);
        if (n < 4 || values.Distinct().Count() < 2)
        {
            return 1;
        }

        var rho = Math.Clamp(Correlation.Auto([.. values], 1, 1)[0], 0, 0.95);
        var length = Math.Ceiling(Math.Pow(2 * rho / (1 - (rho * rho)), 2.0 / 3) * Math.Cbrt(n));
        return (int)Math.Clamp(double.IsFinite(length) ? length : 1, 1, ceiling);
    }

    /// <summary>b / a or b − a; NaN for a ratio with a baseline that is not positive.</summary>
    public static double Effect(double a, double b, EffectScale scale) => scale == EffectScale.Ratio
        ? (a > 0 && b >= 0 ? b / a : double.NaN)
        : b - a;

    /// <summary>The 2.5 % and 97.5 % percentiles of the finite resampled effects; no interval when most were not finite.</summary>
    private EffectEstimate Percentiles(EffectScale scale, double estimate, Func<double> resampledEffect, string method)
    {
        var effects = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            var effect = resampledEffect();
            if (double.IsFinite(effect))
            {
                effects.Add(effect);
            }
        }

        if (effects.Count < resamples / 2)
        {
            return EffectEstimate.WithoutInterval(scale, estimate, "no interval: most resamples had a zero or undefined baseline");
        }

        var alpha = (1 - EffectEstimate.ConfidenceLevel) / 2;
        return new EffectEstimate(scale, estimate,
            effects.QuantileCustom(alpha, QuantileDefinition.R7), effects.QuantileCustom(1 - alpha, QuantileDefinition.R7), IntervalSource.WithinRun, method);
    }

    /// <summary>Indices of one resample: random starts, blocks wrapping around the end (circular), cut to n.</summary>
    private static ArraySegment<int> Resample(int n, int blockLength, Random random, int[] buffer)
    {
        var filled = 0;
        while (filled < n)
        {
            var start = random.Next(n);
            for (var k = 0; k < blockLength && filled < n; k++)
            {
                buffer[filled++] = (start + k) % n;
            }
        }

        return new ArraySegment<int>(buffer, 0, n);
    }
}
