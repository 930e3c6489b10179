using System.Text;

namespace Perf.Reports.Comparison.Sections;

/// <summary>The job accountant's notes of each side; left out when there are none.</summary>
internal sealed class JobNotesSection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var (baseline, optimized) = (context.A, context.B);
        var notes = new[] { baseline, optimized }.SelectMany(s => (s.Report?.Jobs.Notes ?? []).Select(n => $"- {s.Name}: {n}")).ToList();
        if (notes.Count == 0)
        {
            return;
        }

        md.AppendLine("## Job accounting notes").AppendLine();
        md.AppendLine(string.Join('\n', notes)).AppendLine();
    }
}
