using System.Text;

namespace Perf.Reports;

/// <summary>
/// One part of a Markdown report. A report is an ordered list of sections over one context object, written in turn;
/// a section that has nothing to say for this context writes nothing.
/// </summary>
/// <typeparam name="TContext">Everything the report's sections read, built once before the first is written.</typeparam>
public interface IReportSection<in TContext>
{
    void Write(TContext context, StringBuilder md);
}
