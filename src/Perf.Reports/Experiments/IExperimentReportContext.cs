namespace Perf.Reports.Experiments;

/// <summary>
/// What the sections every experiment report shares read (its title, when and where it ran, its charts); each report's
/// context adds its own result. <see cref="IReportSection{TContext}"/> is contravariant, so a shared section writes in
/// any of those reports.
/// </summary>
internal interface IExperimentReportContext
{
    string Title { get; }

    ExperimentContext Run { get; }

    IReadOnlyList<ChartImage> Charts { get; }

    /// <summary>Why a chart is missing (a missing native library): the numbers still matter, so the report says so and goes on.</summary>
    IReadOnlyList<string> ChartProblems { get; }
}
