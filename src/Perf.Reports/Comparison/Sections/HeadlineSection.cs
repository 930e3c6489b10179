using System.Text;

namespace Perf.Reports.Comparison.Sections;

/// <summary>The sustained-phase headline: one row per headline metric with its estimate, 95 % interval, minimum effect and verdict.</summary>
internal sealed class HeadlineSection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var results = context.Results;
        md.AppendLine($"## Headline: the {(results.Phase is { } phase ? $"'{phase}'" : "sustained")} phase").AppendLine();
        md.AppendLine($"The headline uses the sustained phase (the constant-rate phase with the highest target rate), not the whole run, so warm-up, " +
                      $"ramp and cool-down do not dilute it. Estimate = {results.SideB} / {results.SideA} (ratio) or {results.SideB} − {results.SideA} " +
                      $"(difference, for the error rate). A verdict is called only when the whole 95 % interval lies beyond the minimum effect. " +
                      results.IntervalNote).AppendLine();
        var table = new MarkdownTable("metric", "window", results.SideA, results.SideB, "estimate", "95 % interval", "minimum effect", "verdict", "interval from")
        {
            LeftColumns = 2,
        };
        foreach (var m in results.Metrics)
        {
            table.Row(m.Name, m.Window, EffectText.Amount(m.A, m.Unit), EffectText.Amount(m.B, m.Unit), EffectText.Effect(m.Estimate, m.Scale, m.Unit, m.A, m.B),
                EffectText.Interval(m.CiLow, m.CiHigh, m.Scale, m.Unit), EffectText.MinimumEffect(m) + (m.MinEffectSource == "stated" ? "" : " (noise floor)"),
                m.Verdict is Verdict.Better or Verdict.Worse ? $"**{EffectText.Verdict(m.Verdict)}**" : EffectText.Verdict(m.Verdict), m.Method);
        }

        table.WriteTo(md);
    }
}
