using Perf.Reports.Experiments.Soak.Sections;
using Perf.Reports.Experiments.Sections;

namespace Perf.Reports.Experiments.Soak;

/// <summary>SOAK_&lt;config&gt;.md: Redis memory before the retention window and its slope and level after it.</summary>
public static class SoakMarkdown
{
    /// <summary>The report's sections in the order they are written.</summary>
    internal static IReadOnlyList<IReportSection<SoakReportContext>> Sections { get; } =
    [
        new TitleSection(),
        new RunContextSection(),
        new SoakMemorySection(),
    ];

    public static ExperimentDocument Compose(SoakResult result, string configuration, ExperimentContext run)
    {
        ArgumentNullException.ThrowIfNull(result);
        var markdown = MarkdownReport.Render(Sections, new SoakReportContext(result, configuration, run));
        return new ExperimentDocument(markdown, [], []);
    }
}
