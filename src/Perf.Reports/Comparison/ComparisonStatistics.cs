namespace Perf.Reports.Comparison;

/// <summary>
/// Computes the headline rows. One run per side: within-run intervals by a block bootstrap over the sustained phase's
/// per-second series (they leave out run-to-run variation; metrics without a series get no interval). Several runs
/// per side: between-run intervals from one value per run (Hodges–Lehmann, Mann–Whitney).
/// </summary>
public static class ComparisonStatistics
{
    public static IReadOnlyList<MetricComparison> Compare(IReadOnlyList<ComparisonSide> a, IReadOnlyList<ComparisonSide> b, NoiseFloor? noise)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var bootstrap = new BlockBootstrap();
        var rows = new List<MetricComparison>();
        foreach (var metric in HeadlineMetrics.All)
        {
            var valuesA = a.Select(metric.ValueOf).Where(v => v is not null).Select(v => v!.Value).ToList();
            var valuesB = b.Select(metric.ValueOf).Where(v => v is not null).Select(v => v!.Value).ToList();
            var (minimum, source) = noise?.ByMetric.TryGetValue(metric.Name, out var floor) == true && floor > metric.MinimumEffect.Size
                ? (metric.MinimumEffect.AtLeast(floor), $"A/A noise floor ({noise.Configuration}, {NumberText.Time(noise.MeasuredAt)})")
                : (metric.MinimumEffect, "stated");
            if (valuesA.Count == 0 || valuesB.Count == 0)
            {
                rows.Add(Row(metric, valuesA, valuesB, null, minimum, source, Verdict.NotEstimated, "not measured on both sides"));
                continue;
            }

            EffectEstimate effect;
            if (valuesA.Count == 1 && valuesB.Count == 1)
            {
                effect = metric.Series?.Invoke(a[^1]) is { } seriesA && metric.Series(b[^1]) is { } seriesB
                    ? bootstrap.Compare(seriesA, seriesB, metric.Scale)
                    : EffectEstimate.WithoutInterval(metric.Scale, BlockBootstrap.Effect(valuesA[0], valuesB[0], metric.Scale),
                        "no within-run interval for a whole-run value: repeat the runs (PERF_REPEATS) for a between-run interval");
            }
            else
            {
                effect = RepeatComparison.Compare(valuesA, valuesB, metric.Scale);
            }

            rows.Add(Row(metric, valuesA, valuesB, effect, minimum, source, VerdictRule.Judge(effect, metric.Direction, minimum), effect.Method));
        }

        return rows;
    }

    private static MetricComparison Row(HeadlineMetric metric, List<double> a, List<double> b, EffectEstimate? effect, MinimumEffect minimum,
        string source, Verdict verdict, string method) => new(
        metric.Name, metric.Unit, metric.Direction, metric.Scale, metric.Window,
        Median(a), Median(b), Finite(effect?.Estimate),
        effect?.HasInterval == true ? effect.Low : null, effect?.HasInterval == true ? effect.High : null,
        minimum.Size, source, verdict, effect?.Source ?? IntervalSource.None, method, a.Count, b.Count);

    private static double? Median(List<double> values) => values.Count == 0 ? null : MathNet.Numerics.Statistics.Statistics.Median(values);

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
