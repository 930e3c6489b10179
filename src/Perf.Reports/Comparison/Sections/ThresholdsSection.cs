using System.Text;

namespace Perf.Reports.Comparison.Sections;

/// <summary>Each side's thresholds, job-path SLOs and every failed check.</summary>
internal sealed class ThresholdsSection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var (baseline, optimized) = (context.A, context.B);
        md.AppendLine("## Thresholds and checks").AppendLine();
        foreach (var side in new[] { baseline, optimized })
        {
            var failed = side.Breaches.Count > 0;
            md.AppendLine($"### {side.Name}: {(failed ? $"**FAILED** ({side.Breaches.Count} breach(es))" : "passed")}").AppendLine();
            if (side.Load.Thresholds is { Checks.Count: > 0 } thresholds)
            {
                var table = new MarkdownTable("check", "scope", "measured", "allowed", "result") { LeftColumns = 2 };
                foreach (var check in thresholds.Checks)
                {
                    var unit = check.Unit.Length == 0 ? "" : " " + check.Unit;
                    table.Row($"`{check.Expression}`", check.Scope, NumberText.F(check.Measured, "0.###") + unit,
                        (check.Unit == "%" ? "≤ " : "< ") + NumberText.F(check.Allowed, "0.###") + unit, check.Passed ? "pass" : "**FAIL**");
                }

                table.WriteTo(md);
            }
            else
            {
                md.AppendLine("The profile defines no thresholds.").AppendLine();
            }

            if (side.Report is { JobChecks.Count: > 0 })
            {
                var jobs = new MarkdownTable("job-path SLO", "measured", "allowed", "result");
                foreach (var check in side.Report.JobChecks)
                {
                    jobs.Row(check.Name, check.Measured is { } m ? $"{NumberText.F(m, "0.###")} {check.Unit}" : "not measured",
                        $"≤ {NumberText.F(check.Allowed, "0.###")} {check.Unit}",
                        check.Passed ? "pass" : side.Report.JobSloEnforced ? "**FAIL**" : "breached (reported, not enforced)");
                }

                jobs.WriteTo(md);
                if (!side.Report.JobSloEnforced)
                {
                    md.AppendLine($"{side.Name}'s job-path SLOs are measured and reported but do not fail its test: it is the reference " +
                                  "configuration, not expected to keep its queue up at the sustained rate (PERF_JOB_SLO_ENFORCE names the " +
                                  "configurations they fail; default optimized).").AppendLine();
                }
            }

            var checks = side.MeasuredSystem ? "thresholds, achieved arrival rate, job conservation" : "the profile's thresholds; the input has no job checks";
            if (failed)
            {
                md.AppendLine($"Every check that failed ({checks}):").AppendLine();
                foreach (var breach in side.Breaches)
                {
                    md.AppendLine($"- {breach}");
                }

                md.AppendLine();
            }
            else
            {
                md.AppendLine($"All checks passed ({checks}).").AppendLine();
            }
        }
    }
}
