namespace Perf.Reports.Comparison.Rules;

/// <summary>A rule of advice over one side's measurements: it fires only when its evidence is there, and cites the numbers.</summary>
internal interface ISideRule
{
    Recommendation? Evaluate(ComparisonSide side);
}
