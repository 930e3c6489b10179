using System.Globalization;

namespace Perf.Reports.Comparison;

/// <summary>
/// Effects in words a reader can weigh: a ratio between ½ and 2 as a signed percentage ("+12 %"), a larger one as a
/// factor ("×3,200 higher", "×3,200 lower") so that a collapse by orders of magnitude never reads as "−100 %";
/// a difference with its unit ("+0.40 points"). A ratio against a zero value is no factor at all, so with the sides'
/// values it reads "from 44,364 jobs to 0" (or "from 0 to 12.0 jobs"), and without them "down to 0".
/// </summary>
public static class EffectText
{
    /// <summary>Below this a ratio is zero: a side that went to 0 (a repeat comparison's log of 0 leaves a denormal, not 0).</summary>
    public const double ZeroRatio = 1e-12;

    /// <summary>The effect of going from <paramref name="a"/> to <paramref name="b"/>; a ratio with a zero side names both values.</summary>
    public static string Effect(double? value, EffectScale scale, string unit, double? a, double? b)
    {
        if (scale == EffectScale.Ratio && a is { } from && b is { } to && (from == 0 || to == 0))
        {
            return from == to ? "no change (0 on both sides)" : $"from {Amount(from, unit)} to {Amount(to, unit)}";
        }

        return Effect(value, scale, unit);
    }

    public static string Effect(double? value, EffectScale scale, string unit)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return NumberText.NotAvailable;
        }

        if (scale == EffectScale.Difference)
        {
            var points = unit == "%" ? " points" : " " + unit;
            return v.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture) + points;
        }

        if (v < ZeroRatio)
        {
            return "down to 0";
        }

        if (v is >= 0.5 and <= 2)
        {
            return ((v - 1) * 100).ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) + " %";
        }

        return v > 1 ? $"×{Factor(v)} higher" : $"×{Factor(1 / v)} lower";
    }

    /// <summary>Both ends in one style: factors when either end lies beyond ×2 or ×½, else percentages.</summary>
    public static string Interval(double? low, double? high, EffectScale scale, string unit)
    {
        if (low is not { } l || high is not { } h)
        {
            return "no interval";
        }

        if (scale == EffectScale.Ratio && l < ZeroRatio)
        {
            return $"ratio 0 to {(h < ZeroRatio ? "0" : AsFactor(h))}";
        }

        if (scale == EffectScale.Ratio && (l is < 0.5 or > 2 || h is < 0.5 or > 2))
        {
            return $"{AsFactor(l)} to {AsFactor(h)}";
        }

        return $"{Effect(l, scale, unit)} to {Effect(h, scale, unit)}";
    }

    /// <summary>A side's value with its unit: milliseconds from 10 s on as seconds, counts with thousands separated.</summary>
    public static string Amount(double? value, string unit) => value is null
        ? NumberText.NotAvailable
        : value == 0 ? $"0 {unit}"
        : unit == "ms" ? NumberText.Ms(value) : $"{NumberText.F(value, Math.Abs(value.Value) < 10 ? "0.00" : "#,0.0")} {unit}";

    /// <summary>"×3.21 higher" or "×5,000 lower".</summary>
    public static string AsFactor(double ratio) => ratio >= 1 ? $"×{Factor(ratio)} higher" : $"×{Factor(1 / ratio)} lower";

    /// <summary>Three significant figures, thousands separated: 3.21, 32.1, 321, 3,210.</summary>
    public static string Factor(double factor) => factor switch
    {
        >= 100 => (Math.Round(factor / Math.Pow(10, Math.Floor(Math.Log10(factor)) - 2)) * Math.Pow(10, Math.Floor(Math.Log10(factor)) - 2))
            .ToString("#,0", CultureInfo.InvariantCulture),
        >= 10 => factor.ToString("0.#", CultureInfo.InvariantCulture),
        _ => factor.ToString("0.##", CultureInfo.InvariantCulture),
    };

    public static string Verdict(Verdict verdict) => verdict switch
    {
        Statistics.Verdict.Better => "better",
        Statistics.Verdict.Worse => "worse",
        Statistics.Verdict.Changed => "changed",
        Statistics.Verdict.NoDetectableDifference => "no detectable difference",
        _ => "not estimated",
    };

    /// <summary>A metric's minimum effect as the headline states it: "±10 %" on the ratio scale, "±0.5 points" or "±10 jobs/s" on the difference scale.</summary>
    public static string MinimumEffect(MetricComparison m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return m.Scale == EffectScale.Ratio
            ? $"±{NumberText.F(m.MinEffect * 100, "0.#")} %"
            : $"±{NumberText.F(m.MinEffect, "0.##")}{(m.Unit == "%" ? " points" : " " + m.Unit)}";
    }
}
