using System.Text;
using Perf.Model.Accounting;

namespace Perf.Reports.Comparison.Sections;

/// <summary>The id audit of each side: every job id a client saw accepted, checked after the drain against the store, the job state and the dead-letter streams, with the SUT's own counters as a second opinion.</summary>
internal sealed class EvidenceSection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var (baseline, optimized) = (context.A, context.B);
        md.AppendLine("## Evidence by job id").AppendLine();
        md.AppendLine("The load engine recorded the id of every accepted job (each 202 body of the job-creating requests) on the client side. " +
                      "After the drain every id was looked up in the store itself, the job state and the dead-letter streams: each must be " +
                      "exactly one of stored or dead-lettered. Lost, double and unknown ids, or queues that did not drain, fail the run.").AppendLine();
        var sides = new[] { baseline, optimized };
        var table = new MarkdownTable("audit", baseline.Name, optimized.Name);
        void Add(string name, Func<JobAudit, string> value) =>
            table.Row([name, .. sides.Select(s => s.Report is null ? NumberText.NotMeasured : s.Report.Audit is { } audit ? value(audit) : NumberText.NotAvailable)]);

        Add("ids checked (client ledger)", a => NumberText.F(a.IdsChecked));
        Add("stored", a => NumberText.F(a.Stored));
        Add("dead-lettered", a => NumberText.F(a.DeadLettered));
        Add("lost (no outcome)", a => NumberText.F(a.Lost));
        Add("double (two outcomes)", a => NumberText.F(a.Double));
        Add("unknown (stored, never seen accepted)", a => NumberText.F(a.Unknown));
        Add("queues drained", a => a.Drained ? "yes" : "**no**");
        Add("job state disagrees with outcome", a => NumberText.F(a.StateMismatches));
        Add("ids the clients recorded twice", a => NumberText.F(a.LedgerRepeats));
        Add("audit time", a => NumberText.F(a.AuditSeconds, "0.000") + " s");
        Add("store checked", a => a.Store);
        Add("ledger file", a => a.LedgerFile is { } file ? $"`{file}`" : NumberText.NotAvailable);
        table.WriteTo(md);

        var details = new List<string>();
        foreach (var side in sides)
        {
            if (side.Report is null)
            {
                details.Add($"- {side.Name}: no audit: the input is the load engine's report only, which records no job ids.");
                continue;
            }

            if (side.Report.Audit is not { } audit)
            {
                details.Add($"- {side.Name}: no audit{(side.Report.AuditProblems.Count == 0 ? " (the report predates it)" : "")}.");
            }
            else
            {
                AddSample(details, side.Name, "lost", audit.Lost, audit.LostSample);
                AddSample(details, side.Name, "double", audit.Double, audit.DoubleSample);
                AddSample(details, side.Name, "unknown", audit.Unknown, audit.UnknownSample);
                AddSample(details, side.Name, "job state disagrees", audit.StateMismatches, audit.StateMismatchSample);
                details.AddRange(audit.CounterDisagreements.Select(d => $"- {side.Name}: SUT counters disagree with the audit: {d}."));
            }

            details.AddRange(side.Report.AuditProblems.Select(p => $"- {side.Name}: {p}."));
        }

        if (details.Count > 0)
        {
            md.AppendLine(string.Join('\n', details)).AppendLine();
        }
    }

    private static void AddSample(List<string> details, string side, string what, long count, IReadOnlyList<string> sample)
    {
        if (count > 0)
        {
            details.Add($"- {side}: {what} {NumberText.F(count)}{(count > sample.Count ? $", first {sample.Count}" : "")}: {string.Join(", ", sample.Select(id => $"`{id}`"))}.");
        }
    }
}
