namespace Perf.Reports.Gate;

/// <summary>What the gate made of one metric: the tolerance it applied (a share on the ratio scale, the unit on the difference scale) and the outcome.</summary>
internal sealed record MetricJudgement(GateMetric Metric, double Tolerance, string Outcome)
{
    public const string Regression = "regression";
    public const string Improvement = "improvement";
    public const string Within = "within tolerance";
    public const string Straddles = "inconclusive: interval straddles the tolerance";
    public const string NotEstimated = "not judged: no interval";
    public const string NoDirection = "not judged: no better direction";
}
