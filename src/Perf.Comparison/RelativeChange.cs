using System.Globalization;

namespace Perf.Comparison;

/// <summary>The change column of the summary: optimized relative to baseline, in percent, with its direction.</summary>
public static class RelativeChange
{
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
        if (Percent(baseline, optimized) is not { } pct)
        {
            return optimized == 0 ? "no change" : $"{(optimized > 0 ? "▲" : "▼")} from 0{verdict}";
        }

        if (Math.Abs(pct) < 0.05)
        {
            return "no change";
        }

        var text = pct.ToString("+0.0;-0.0", CultureInfo.InvariantCulture) + " %";
        var arrow = pct > 0 ? "▲" : "▼";
        return $"{arrow} {text}{verdict}";
    }
}
