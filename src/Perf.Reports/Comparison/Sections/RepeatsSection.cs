using System.Text;

namespace Perf.Reports.Comparison.Sections;

/// <summary>With repeats (PERF_REPEATS): how many runs the headline pools and which run the detailed sections show.</summary>
internal sealed class RepeatsSection : IReportSection<ComparisonContext>
{
    public void Write(ComparisonContext context, StringBuilder md)
    {
        var (a, b) = (context.A, context.B);
        var results = context.Results;
        if (results.RunsA <= 1 && results.RunsB <= 1)
        {
            return;
        }

        md.AppendLine($"The headline pools {results.RunsA} run(s) of {results.SideA} and {results.RunsB} of {results.SideB}, run alternately, " +
                      $"each on a fresh environment (PERF_REPEATS); its columns show the median over runs. The sections below show one run of each " +
                      $"side in detail: {a.Name} repeat {a.Report?.Repeat}, {b.Name} repeat {b.Report?.Repeat}.").AppendLine();
    }
}
