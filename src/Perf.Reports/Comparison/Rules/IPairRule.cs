namespace Perf.Reports.Comparison.Rules;

/// <summary>A rule of advice over the change from side A (the reference) to side B.</summary>
internal interface IPairRule
{
    Recommendation? Evaluate(ComparisonSide a, ComparisonSide b);
}
