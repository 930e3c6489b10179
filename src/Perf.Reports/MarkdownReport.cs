using System.Text;

namespace Perf.Reports;

/// <summary>Writes a report's sections in their order over one context.</summary>
public static class MarkdownReport
{
    public static string Render<TContext>(IEnumerable<IReportSection<TContext>> sections, TContext context)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var md = new StringBuilder();
        foreach (var section in sections)
        {
            section.Write(context, md);
        }

        return md.ToString();
    }
}
