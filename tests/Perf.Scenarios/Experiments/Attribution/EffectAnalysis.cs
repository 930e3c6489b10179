using Perf.Reports.Experiments.Attribution;

namespace Perf.Scenarios.Experiments.Attribution;

/// <summary>
/// Estimates every design column's effect on every headline metric, with within-run intervals from
/// <see cref="BlockBootstrap.Combine"/> and verdicts from <see cref="VerdictRule"/>.
/// </summary>
public static class EffectAnalysis
{
    public static IReadOnlyList<KnobEffect> Estimate(TwoLevelDesign design, IReadOnlyList<RunSeries> runs, BlockBootstrap bootstrap,
        IReadOnlyList<AttributionMetric> metrics)
    {
        var estimates = new List<KnobEffect>();
        foreach (var metric in metrics)
        {
            var usable = runs.Where(r => metric.Series(r).Length > 0).ToList();
            if (usable.Count < runs.Count)
            {
                continue;
            }

            var series = usable.Select(metric.Series).ToList();
            foreach (var column in design.Effects)
            {
                var signs = usable.Select(r => r.Run.Sign(column.Knobs)).ToArray();
                var interval = bootstrap.Combine(series, metric.Statistic, stats => Contrast(stats, signs));
                var lowMean = usable.Where((_, i) => signs[i] < 0).Select(r => metric.Statistic(metric.Series(r))).DefaultIfEmpty(double.NaN).Average();
                estimates.Add(new KnobEffect(column.Name, column.AliasedWith, metric.Title, metric.Unit, metric.Direction, interval,
                    metric.MinimumDifference(lowMean), lowMean));
            }
        }

        return estimates;
    }

    /// <summary>Mean of the values at +1 minus mean at −1.</summary>
    public static double Contrast(IReadOnlyList<double> values, IReadOnlyList<int> signs)
    {
        double high = 0, low = 0;
        int highs = 0, lows = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (signs[i] > 0)
            {
                high += values[i];
                highs++;
            }
            else
            {
                low += values[i];
                lows++;
            }
        }

        return highs == 0 || lows == 0 ? double.NaN : high / highs - low / lows;
    }
}
