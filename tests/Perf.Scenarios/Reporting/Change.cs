using System.Globalization;

namespace Perf.Scenarios.Reporting;

/// <summary>The change column of the summary: optimized relative to baseline, in percent, with its direction.</summary>
public static class Change
{
    /// <summary>(optimized − baseline) / |baseline| × 100, or null when either is missing or baseline is 0.</summary>
    public static double? Percent(double? baseline, double? optimized) =>
        baseline is { } b && optimized is { } o && b != 0 && double.IsFinite(b) && double.IsFinite(o) ? (o - b) / Math.Abs(b) * 100 : null;

    public static string Describe(double? baseline, double? optimized, Better better)
    {
        if (baseline is null || optimized is null)
        {
            return Num.NotAvailable;
        }

        if (Percent(baseline, optimized) is not { } pct)
        {
            return optimized == 0 ? "no change" : "was 0";
        }

        if (Math.Abs(pct) < 0.05)
        {
            return "no change";
        }

        var text = pct.ToString("+0.0;-0.0", CultureInfo.InvariantCulture) + " %";
        var arrow = pct > 0 ? "▲" : "▼";
        var verdict = better switch
        {
            Better.Lower => pct < 0 ? " better" : " worse",
            Better.Higher => pct > 0 ? " better" : " worse",
            _ => "",
        };
        return $"{arrow} {text}{verdict}";
    }
}
