using Perf.Reports.Comparison.Sections;

namespace Perf.Reports.Comparison;

/// <summary>
/// Makes one comparison from two sides: the headline statistics, the charts (saved under the Markdown's folder), the
/// recommendations and the Markdown. The perf tests and <c>perf compare</c> both come through here; only how they
/// find the runs and where they write differ.
/// </summary>
public static class ComparisonComposer
{
    /// <summary>The report's sections in the order they are written; each writes nothing when it has nothing to say.</summary>
    internal static IReadOnlyList<IReportSection<ComparisonContext>> Sections { get; } =
    [
        new HeaderSection(),
        new WhatThisRunShowsSection(),
        new HeadlineSection(),
        new RepeatsSection(),
        new PhasesSection(),
        new PhaseLatencySection(),
        new EnvironmentSection(),
        new ConfigurationSection(),
        new SummarySection(),
        new ExperimentsSection(),
        new TrafficSection(),
        new ThresholdsSection(),
        new JobNotesSection(),
        new EvidenceSection(),
        new ChartsSection(),
        new RecommendationsSection(),
        new ArtifactsSection(),
    ];

    public static ComparisonDocument Compose(ComparisonRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SidesA.Count == 0 || request.SidesB.Count == 0)
        {
            throw new ArgumentException("a comparison needs at least one run per side", nameof(request));
        }

        var (a, b) = (request.SidesA[^1], request.SidesB[^1]);
        var results = Results(request);
        ChartSet charts;
        try
        {
            charts = ComparisonCharts.Render(a, b, request.MarkdownDirectory, request.ChartStem);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A missing native library (libSkiaSharp) throws here, at first use: the numbers still matter.
            charts = ChartSet.Failed($"Charts failed: {ex.GetType().Name}: {ex.InnerException?.Message ?? ex.Message}");
        }

        var recommendations = Recommendations.Derive(a, b).Concat(request.ExtraRecommendations).ToList();
        var context = new ComparisonContext(a, b, results, charts, recommendations, request.Experiments, request.Provenance,
            request.MarkdownDirectory, request.GeneratedAt);
        var markdown = MarkdownReport.Render(Sections, context);
        return new ComparisonDocument(markdown, results, charts);
    }

    private static ComparisonResults Results(ComparisonRequest request)
    {
        var (a, b) = (request.SidesA, request.SidesB);
        var repeated = a.Count > 1 || b.Count > 1;
        return new ComparisonResults
        {
            ProfileName = request.ProfileName,
            SideA = a[^1].Name,
            SideB = b[^1].Name,
            RunsA = a.Count,
            RunsB = b.Count,
            Phase = a[^1].SustainedPhase?.Name,
            IntervalNote = repeated
                ? $"Intervals are between-run: one value per run ({a.Count} vs {b.Count} runs), so they include run-to-run variation."
                : "Intervals are within-run: a block bootstrap over the per-second series of the sustained phase of one run per side. " +
                  "They leave out run-to-run variation (a second run of the same configuration can differ by more); repeat with PERF_REPEATS for between-run intervals.",
            NoiseFloorSource = request.NoiseFloor is null ? null : request.NoiseFloorSource,
            Metrics = ComparisonStatistics.Compare(a, b, request.NoiseFloor),
        };
    }
}
