using Perf.Reports.Comparison;
using Perf.Testing;

namespace Perf.Reports.Tests.Comparison;

/// <summary>
/// Composes the comparison of two built run reports of this session, as the perf tests do, in a folder of its own
/// (the charts go under it), removed afterwards.
/// </summary>
public sealed class BuiltComparison : IDisposable
{
    public const string SessionId = "session-now";

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("perf-reports-comparison-").FullName;

    public ComparisonDocument Compose(RunReportBuilder baseline, RunReportBuilder optimized) => ComparisonComposer.Compose(new ComparisonRequest
    {
        SidesA = [new ComparisonSide(baseline.Build(), SessionId)],
        SidesB = [new ComparisonSide(optimized.Build(), SessionId)],
        ProfileName = "smoke",
        MarkdownDirectory = Directory,
        ChartStem = "smoke",
        GeneratedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Provenance = new ReportProvenance([], "Reproduce:", "perf compare"),
    });

    public string Markdown(RunReportBuilder baseline, RunReportBuilder optimized) => Compose(baseline, optimized).Markdown;

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
