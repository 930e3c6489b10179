namespace Perf.Reports.Comparison;

/// <summary>
/// One row of the headline comparison, as written to comparison-results/comparison-&lt;profile&gt;.json for the gate:
/// a and b are the sides' values (the median over repeats when there are several), the estimate is b / a
/// (<see cref="EffectScale.Ratio"/>) or b − a (<see cref="EffectScale.Difference"/>) with its 95 % interval, judged
/// against <see cref="MinEffect"/>, which is the stated minimum effect or the A/A noise floor when that is larger.
/// </summary>
public sealed record MetricComparison(
    string Name,
    string Unit,
    MetricDirection Direction,
    EffectScale Scale,
    string Window,
    double? A,
    double? B,
    double? Estimate,
    double? CiLow,
    double? CiHigh,
    double MinEffect,
    string MinEffectSource,
    Verdict Verdict,
    IntervalSource IntervalSource,
    string Method,
    int RunsA,
    int RunsB);
