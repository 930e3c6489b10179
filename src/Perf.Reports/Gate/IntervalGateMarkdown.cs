using System.Text;

namespace Perf.Reports.Gate;

/// <summary>The intervals gate's summary: the result, how it was judged, one row per metric, the head's job SLOs and why it failed.</summary>
internal static class IntervalGateMarkdown
{
    /// <summary>Below this a ratio is 0: a repeat comparison's log of a zero side comes back as a denormal, not as 0.</summary>
    public const double ZeroRatio = 1e-12;

    public static string Render(IntervalGateResult result)
    {
        var (sideA, sideB) = (result.Field("sideA"), result.Field("sideB"));
        var headline = result.Failed
            ? "**Result: FAILED**"
            : result.NothingDetected
                ? $"**Result: passed, inconclusive**: no metric shows a detectable difference between {sideA} and {sideB} at its minimum effect, so this run cannot tell them apart."
                : "**Result: passed**";
        var sources = result.Metrics.Select(m => m.IntervalSource).Distinct().Order(StringComparer.Ordinal);
        var lines = new List<string>
        {
            $"## Perf gate: {sideA} vs {sideB} on this runner (profile `{result.Field("profileName")}`)", "", headline, "",
            $"- Runs: {result.Field("runsA")} of {sideA}, {result.Field("runsB")} of {sideB}, alternating, each on a fresh environment.",
            $"- Interval source: {string.Join(", ", sources)}. {result.Field("intervalNote")}",
            $"- Noise floor: {result.NoiseFloor}.",
            $"- Tolerance: {GateText.Significant(result.TolerancePercent)} % on the ratio scale, or the metric's minimum effect where larger; " +
            "a metric fails only when its whole 95 % interval lies beyond it on the worse side.",
            "", $"| metric | unit | {sideA} | {sideB} | estimate | 95 % interval | tolerance | comparison verdict | gate |",
            "|---|---|---:|---:|---:|---|---|---|---|",
        };
        foreach (var j in result.Judgements)
        {
            var m = j.Metric;
            var outcome = j.Outcome == MetricJudgement.Regression ? $"**{j.Outcome.ToUpperInvariant()}**" : j.Outcome;
            lines.Add($"| {m.Name} | {m.Unit} | {GateText.Value(m.A)} | {GateText.Value(m.B)} | {Estimate(m)} | " +
                      $"{Effect(m, m.CiLow)} – {Effect(m, m.CiHigh)} | {Tolerance(j)} | {m.Verdict} | {outcome} |");
        }

        var straddling = result.Straddling.ToList();
        if (straddling.Count > 0)
        {
            lines.AddRange(["", "Inconclusive for " + string.Join(", ", straddling.Select(j => j.Metric.Name)) +
                                ": the interval reaches past the tolerance, but not wholly, so these do not fail the gate."]);
        }

        lines.AddRange(["", $"### Job-path SLOs of {sideB} ({result.HeadReports.Count} report(s))", "",
            "| report | check | measured | allowed | result |", "|---|---|---:|---:|---|"]);
        foreach (var check in result.JobChecks)
        {
            var verdict = check.Passed ? "passed" : check.Enforced ? "**FAILED**" : "failed (reported only, not enforced)";
            lines.Add($"| {check.Report} | {check.Name} | {GateText.Value(check.Measured)} {check.Unit} | {GateText.Significant(check.Allowed)} {check.Unit} | {verdict} |");
        }

        if (result.HeadBreaches.Count > 0)
        {
            lines.AddRange(["", $"The {sideB} runs also breached the profile's thresholds (reported here; the gate judges the " +
                                "comparison and the job SLOs, and these runs were made time-scaled on a shared runner):"]);
            lines.AddRange(result.HeadBreaches.Select(b => $"- {b}"));
        }

        if (result.Failed)
        {
            lines.AddRange(["", "**Why it failed:**"]);
            lines.AddRange(result.Regressions.Select(j => $"- {j.Metric.Name}: the whole interval {Effect(j.Metric, j.Metric.CiLow)} – " +
                                                          $"{Effect(j.Metric, j.Metric.CiHigh)} lies beyond the tolerance {Tolerance(j)} on the worse side"));
            lines.AddRange(result.JobBreaches.Select(c => $"- job SLO {c.Describe()}"));
        }

        return new StringBuilder().AppendJoin('\n', lines).Append('\n').ToString();
    }

    private static string Effect(GateMetric metric, double? value) => value switch
    {
        null => GateText.Missing,
        < ZeroRatio when metric.Scale == EffectScale.Ratio => "0",
        { } v when metric.Scale == EffectScale.Ratio => "×" + GateText.Significant(v, 4),
        { } v => GateText.SignedSignificant(v, 4),
    };

    /// <summary>A ratio against a side at 0 is no factor ("×0" hides the size): it names both values, as the report does.</summary>
    private static string Estimate(GateMetric m) => m.Scale == EffectScale.Ratio && m.A is { } a && m.B is { } b && (a == 0 || b == 0)
        ? a == b ? "no change (0 on both sides)" : $"from {GateText.Value(a)} to {GateText.Value(b)}"
        : Effect(m, m.Estimate);

    private static string Tolerance(MetricJudgement judgement) => judgement.Metric.Scale == EffectScale.Ratio
        ? $"×{GateText.Significant(1 / (1 + judgement.Tolerance), 3)} – ×{GateText.Significant(1 + judgement.Tolerance, 3)}"
        : $"±{GateText.Significant(judgement.Tolerance)} {judgement.Metric.Unit}";
}
