using Perf.Reports.Experiments.Scaling.Sections;
using Perf.Reports.Experiments.Sections;

namespace Perf.Reports.Experiments.Scaling;

/// <summary>SCALING.md: the points, the USL fit, where more workers stop paying off and why, and a labelled prediction.</summary>
public static class ScalingMarkdown
{
    public const string Title = "Worker scaling: maximum job throughput against worker count";

    /// <summary>The report's sections in the order they are written.</summary>
    internal static IReadOnlyList<IReportSection<ScalingReportContext>> Sections { get; } =
    [
        new TitleSection(),
        new RunContextSection(),
        new ScalingPointsSection(),
        new UslFitSection(),
        new PayOffSection(),
        new PredictionSection(),
        new ChartsSection("Chart"),
    ];

    /// <summary>Draws the scaling chart under <paramref name="directory"/> and renders the report (links relative to it).</summary>
    public static ExperimentDocument Compose(ScalingResult result, ExperimentContext run, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (charts, problems) = ExperimentCharts.Draw(() => [ExperimentCharts.Scaling(result, directory)]);
        var markdown = MarkdownReport.Render(Sections, new ScalingReportContext(result, run, charts, problems));
        return new ExperimentDocument(markdown, charts, problems);
    }
}
