using System.Text;

namespace Perf.Reports.Experiments.Soak.Sections;

/// <summary>The soak's finding in one paragraph (<see cref="SoakResult.Headline"/>), what its interval leaves out, and where its samples are.</summary>
internal sealed class SoakMemorySection : IReportSection<SoakReportContext>
{
    public void Write(SoakReportContext context, StringBuilder md)
    {
        md.AppendLine($"{context.Result.Headline()}.").AppendLine();
        md.AppendLine("The interval assumes independent residuals; neighbouring 1-second samples are not independent, so it understates the " +
                      $"uncertainty of a repeat. Samples: {Path.GetFileName(ExperimentFiles.SoakJson("", context.Configuration))}.");
    }
}
