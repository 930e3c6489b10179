namespace Perf.Scenarios.Experiments.Attribution;

/// <summary>
/// Within-run intervals by the moving-block bootstrap: each run's series is rebuilt from blocks of consecutive values
/// drawn with replacement (block length about √n, which keeps the autocorrelation of neighbouring seconds), the effect
/// recomputed, and the percentile interval taken. It captures the noise inside each run, not between repeated runs.
/// To be replaced by src/Perf.Statistics when it lands.
/// </summary>
public sealed class MovingBlockBootstrap(int resamples = 1000, int seed = 20261201) : IEffectIntervalEstimator
{
    public EffectInterval Estimate(IReadOnlyList<double[]> seriesPerRun, Func<IReadOnlyList<double>, double> runStatistic,
        Func<IReadOnlyList<double>, double> effect, double confidence)
    {
        if (seriesPerRun.Any(s => s.Length == 0))
        {
            throw new ArgumentException("Every run needs at least one value in its series.", nameof(seriesPerRun));
        }

        var point = effect(seriesPerRun.Select(s => runStatistic(s)).ToArray());
        var random = new Random(seed);
        var estimates = new double[resamples];
        var statistics = new double[seriesPerRun.Count];
        var buffers = seriesPerRun.Select(s => new double[s.Length]).ToArray();
        for (var b = 0; b < resamples; b++)
        {
            for (var r = 0; r < seriesPerRun.Count; r++)
            {
                Resample(seriesPerRun[r], buffers[r], random);
                statistics[r] = runStatistic(buffers[r]);
            }

            estimates[b] = effect(statistics);
        }

        Array.Sort(estimates);
        var tail = (1 - confidence) / 2;
        return new EffectInterval(point, Quantile(estimates, tail), Quantile(estimates, 1 - tail), confidence,
            $"moving-block bootstrap within runs ({resamples} resamples, blocks of ≈√n consecutive values)");
    }

    public static int BlockLength(int n) => Math.Max(1, (int)Math.Round(Math.Sqrt(n)));

    private static void Resample(double[] source, double[] target, Random random)
    {
        var block = BlockLength(source.Length);
        var starts = source.Length - block + 1;
        for (var i = 0; i < target.Length;)
        {
            var start = random.Next(starts);
            for (var j = 0; j < block && i < target.Length; j++, i++)
            {
                target[i] = source[start + j];
            }
        }
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(sorted.Length - 1, lower + 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
