using MathNet.Numerics.Distributions;
using Descriptive = MathNet.Numerics.Statistics.Statistics;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Pragmastat;

namespace Perf.Statistics;

/// <summary>
/// Between-run comparison: one value per repeat on each side. The estimate is Perfolizer's (Pragmastat's)
/// Hodges–Lehmann shift, the median of all pairwise differences b − a, or its ratio form, the median of all pairwise
/// ratios b / a. The interval inverts the Mann–Whitney test (Perfolizer's exact distribution of U): the k-th smallest
/// and k-th largest pairwise difference (on log values for ratios), which holds at least 95 % for any continuous
/// distribution. Four repeats per side are the fewest for which such an interval exists; with two or three, the
/// interval is Welch's t on the (log) values (MathNet's Student t), which assumes roughly normal run-to-run noise,
/// and the method says so. One repeat on a side gives no between-run interval.
/// </summary>
public static class RepeatComparison
{
    public static EffectEstimate Compare(IReadOnlyList<double> a, IReadOnlyList<double> b, EffectScale scale)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            throw new ArgumentException("each side needs at least one value");
        }

        if (scale == EffectScale.Ratio && (a.Any(v => v <= 0) || b.Any(v => v < 0)))
        {
            var ratio = BlockBootstrap.Effect(Descriptive.Median(a), Descriptive.Median(b), scale);
            return EffectEstimate.WithoutInterval(scale, ratio, "no interval: a ratio needs positive baseline values");
        }

        double[] x = scale == EffectScale.Ratio ? [.. b.Select(v => Math.Log(Math.Max(v, double.Epsilon)))] : [.. b];
        double[] y = scale == EffectScale.Ratio ? [.. a.Select(v => Math.Log(v))] : [.. a];
        var shift = Toolkit.Shift(new Sample(x), new Sample(y)).NominalValue;
        var estimate = FromLog(shift, scale);
        if (a.Count < 2 || b.Count < 2)
        {
            return EffectEstimate.WithoutInterval(scale, estimate,
                $"no between-run interval: {Math.Min(a.Count, b.Count)} run on one side (repeat with PERF_REPEATS)");
        }

        var interval = MannWhitneyInterval(x, y) is { } rank
            ? (rank.Low, rank.High, $"Hodges–Lehmann {(scale == EffectScale.Ratio ? "ratio" : "shift")} of {a.Count} vs {b.Count} runs, Mann–Whitney interval")
            : WelchInterval(x, y) is { } welch
                ? (welch.Low, welch.High, $"Hodges–Lehmann {(scale == EffectScale.Ratio ? "ratio" : "shift")} of {a.Count} vs {b.Count} runs, Welch t interval (too few runs for a rank interval)")
                : ((double Low, double High, string Method)?)null;
        if (interval is not { } found)
        {
            return EffectEstimate.WithoutInterval(scale, estimate, "no interval: the runs of each side gave identical values");
        }

        return new EffectEstimate(scale, estimate, FromLog(found.Low, scale), FromLog(found.High, scale), IntervalSource.BetweenRuns, found.Method);
    }

    private static double FromLog(double value, EffectScale scale) => scale == EffectScale.Ratio ? Math.Exp(value) : value;

    /// <summary>[D(k), D(N+1−k)] of the N sorted pairwise differences, k the largest rank with P(U &lt; k) ≤ 2.5 %.</summary>
    private static (double Low, double High)? MannWhitneyInterval(double[] x, double[] y)
    {
        var alpha = (1 - EffectEstimate.ConfidenceLevel) / 2;
        var k = 0;
        while (MannWhitneyClassicExactCdf.Instance.Cdf(x.Length, y.Length, k + 1) <= alpha)
        {
            k++;
        }

        if (k == 0)
        {
            return null;
        }

        var differences = x.SelectMany(xi => y.Select(yj => xi - yj)).Order().ToArray();
        return (differences[k - 1], differences[^k]);
    }

    private static (double Low, double High)? WelchInterval(double[] x, double[] y)
    {
        var (vx, vy) = (Descriptive.Variance(x) / x.Length, Descriptive.Variance(y) / y.Length);
        var se = Math.Sqrt(vx + vy);
        if (!(se > 0))
        {
            return null;
        }

        var df = Math.Pow(vx + vy, 2) / ((vx * vx / (x.Length - 1)) + (vy * vy / (y.Length - 1)));
        var t = StudentT.InvCDF(0, 1, df, 1 - ((1 - EffectEstimate.ConfidenceLevel) / 2));
        var difference = x.Average() - y.Average();
        return (difference - (t * se), difference + (t * se));
    }
}
