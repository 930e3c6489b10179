using System.Globalization;

namespace Perf.Reports.Comparison;

/// <summary>
/// The change column of the summary: optimized relative to baseline, in percent, with its direction; a change from or
/// to 0 has no percentage worth printing (−100 % hides the size), so it names both values ("▼ from 44,364 to 0"), and a
/// change of an order of magnitude or more reads as a factor ("▼ ×5,000 lower"), not as "−100.0 %".
/// </summary>
public static class RelativeChange
{
    private const double OrderOfMagnitude = 10;

    /// <summary>(optimized − baseline) / |baseline| × 100, or null when either is missing or baseline is 0.</summary>
    public static double? Percent(double? baseline, double? optimized) =>
        baseline is { } b && optimized is { } o && b != 0 && double.IsFinite(b) && double.IsFinite(o) ? (o - b) / Math.Abs(b) * 100 : null;

    public static string Describe(double? baseline, double? optimized, MetricDirection direction)
    {
        if (baseline is null || optimized is null)
        {
            return NumberText.NotAvailable;
        }

        var verdict = (direction, optimized > baseline) switch
        {
            (MetricDirection.LowerIsBetter, true) or (MetricDirection.HigherIsBetter, false) => " worse",
            (MetricDirection.LowerIsBetter, false) or (MetricDirection.HigherIsBetter, true) => " better",
            _ => "",
        };
        if (baseline == 0 || optimized == 0)
        {
            return baseline == optimized
                ? "no change"
                : $"{(optimized > baseline ? "▲" : "▼")} from {NumberText.F(baseline, "#,0.##")} to {NumberText.F(optimized, "#,0.##")}{verdict}";
        }

        if (Percent(baseline, optimized) is not { } pct)
        {
            return NumberText.NotAvailable;
        }

        if (Math.Abs(pct) < 0.05)
        {
            return "no change";
        }

        var arrow = pct > 0 ? "▲" : "▼";
        var ratio = optimized.Value / baseline.Value;
        if (ratio >= OrderOfMagnitude || (ratio > 0 && ratio <= 1 / OrderOfMagnitude))
        {
            return $"{arrow} {EffectText.AsFactor(ratio)}{verdict}";
        }

        var text = pct.ToString("+0.0;-0.0", CultureInfo.InvariantCulture) + " %";
        return $"{arrow} {text}{verdict}";
    }
}
