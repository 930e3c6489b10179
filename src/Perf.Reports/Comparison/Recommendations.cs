using Perf.Reports.Comparison.Rules;

namespace Perf.Reports.Comparison;

/// <summary>
/// The report's rules of advice, one type per rule with its thresholds named beside it, evaluated in this order: each
/// side's rules for side A, then for side B, then the rules over the change from A to B. A rule fires only when its
/// evidence is in the reports and cites the numbers; none is canned advice.
/// </summary>
public static class Recommendations
{
    internal static IReadOnlyList<ISideRule> SideRules { get; } =
    [
        new EvictionsRule(),
        new MemoryCapUnexercisedRule(),
        new CpuSaturationRule(),
        new GrowingQueueLagRule(),
        new LostJobsRule(),
        new LoweredMaxClientsRule(),
        new GeneratorBehindRule(),
        new BackpressureRule(),
    ];

    internal static IReadOnlyList<IPairRule> PairRules { get; } =
    [
        new P99RegressionRule(),
        new JobLatencyChangeRule(),
    ];

    public static IReadOnlyList<Recommendation> Derive(ComparisonSide a, ComparisonSide b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return [
            .. new[] { a, b }.SelectMany(side => SideRules.Select(rule => rule.Evaluate(side))).OfType<Recommendation>(),
            .. PairRules.Select(rule => rule.Evaluate(a, b)).OfType<Recommendation>(),
        ];
    }
}
