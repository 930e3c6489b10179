using System.Text.Json;

namespace Perf.Reports.Gate;

/// <summary>Everything the intervals gate found: the comparison, each metric's judgement, the head's job checks and other breaches.</summary>
internal sealed record IntervalGateResult(JsonElement Comparison, IReadOnlyList<GateMetric> Metrics, double TolerancePercent, string NoiseFloor,
    IReadOnlyList<MetricJudgement> Judgements, IReadOnlyList<JobCheck> JobChecks, IReadOnlyList<string> HeadReports, IReadOnlyList<string> HeadBreaches)
{
    private static readonly string[] Detected = ["better", "worse", "changed"];

    public IEnumerable<MetricJudgement> Regressions => Judgements.Where(j => j.Outcome == MetricJudgement.Regression);

    public IEnumerable<JobCheck> JobBreaches => JobChecks.Where(c => c.Enforced && !c.Passed);

    public bool Failed => Regressions.Any() || JobBreaches.Any();

    public IEnumerable<MetricJudgement> Straddling => Judgements.Where(j => j.Outcome == MetricJudgement.Straddles);

    public bool NothingDetected => !Judgements.Any(j => Detected.Contains(j.Metric.Verdict));

    public string Field(string name) => GateJson.Text(Comparison.GetProperty(name));
}
