using Perf.Reports.Experiments.Attribution.Sections;
using Perf.Reports.Experiments.Sections;

namespace Perf.Reports.Experiments.Attribution;

/// <summary>ATTRIBUTION_&lt;profile&gt;.md: the design, each run's headline numbers, the knob → effect table and the effect charts.</summary>
public static class AttributionMarkdown
{
    /// <summary>The report's sections in the order they are written.</summary>
    internal static IReadOnlyList<IReportSection<AttributionReportContext>> Sections { get; } =
    [
        new TitleSection(),
        new RunContextSection(),
        new DesignSection(),
        new DesignRunsSection(),
        new KnobEffectsSection(),
        new ChartsSection("Effects with interval whiskers"),
    ];

    /// <summary>
    /// Draws one effect chart per metric under <paramref name="directory"/> and renders the report (links relative to it).
    /// <paramref name="knobLevels"/> says what low and high mean for each of the design's knobs, in its order (the presets' values).
    /// </summary>
    public static ExperimentDocument Compose(AttributionResult result, ExperimentContext run, IReadOnlyList<string> knobLevels, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(knobLevels);
        if (knobLevels.Count != result.Design.Knobs.Count)
        {
            throw new ArgumentException($"one level description per knob of the design ({result.Design.Knobs.Count}), got {knobLevels.Count}", nameof(knobLevels));
        }

        var (charts, problems) = ExperimentCharts.Draw(() => ExperimentCharts.Effects(result.Effects, directory, $"attribution-{result.ProfileName}"));
        var markdown = MarkdownReport.Render(Sections, new AttributionReportContext(result, run, knobLevels, charts, problems));
        return new ExperimentDocument(markdown, charts, problems);
    }
}
