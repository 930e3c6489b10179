namespace Perf.Reports.Comparison.Rules;

/// <summary>Side B's request p99 is materially above side A's.</summary>
internal sealed class P99RegressionRule : IPairRule
{
    /// <summary>A p99 more than this share above the reference's is a regression.</summary>
    public const double ChangeShare = 0.10;

    public Recommendation? Evaluate(ComparisonSide a, ComparisonSide b)
    {
        var (a99, b99) = (a.Load.Totals.Latency.P99, b.Load.Totals.Latency.P99);
        if (!(a99 > 0 && b99 > a99 * (1 + ChangeShare)))
        {
            return null;
        }

        return new("p99-regression", $"{b.Name} regressed request p99 latency",
            $"p99 {NumberText.Ms(b99)} vs {NumberText.Ms(a99)} ({RelativeChange.Describe(a99, b99, MetricDirection.LowerIsBetter)}); p95 {NumberText.Ms(b.Load.Totals.Latency.P95)} vs {NumberText.Ms(a.Load.Totals.Latency.P95)}",
            "find which requests regressed in the per-request table; more workers and pooled connections compete with the API for the same cores");
    }
}
