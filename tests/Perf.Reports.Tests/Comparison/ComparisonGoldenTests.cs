using Perf.Reports.Comparison;

namespace Perf.Reports.Tests.Comparison;

/// <summary>
/// The whole comparison Markdown from recorded inputs, byte for byte against a checked-in copy: a change to any section,
/// rule or number format shows here as a diff. After an intended change, rerun with PERF_UPDATE_GOLDEN=1 and review the
/// diff of Fixtures/*.golden.md before committing it.
/// </summary>
public sealed class ComparisonGoldenTests : IDisposable
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("perf-reports-golden-").FullName;

    [Fact]
    public void PerfTestsRunsGiveTheRecordedReport()
    {
        var (baseline, optimized) = (Input("perf-tests-report-baseline-smoke.json"), Input("perf-tests-report-optimized-smoke.json"));

        var document = ComparisonComposer.Compose(Request([Side(baseline, "baseline")], [Side(optimized, "optimized")]));

        GoldenFile.ShouldMatch(document.Markdown, "comparison-perf-tests.golden.md");
    }

    [Fact]
    public void RepeatsNoiseFloorExperimentsAndAnEngineReportGiveTheRecordedReport()
    {
        var (baseline, artillery) = (Input("perf-tests-report-baseline-smoke.json"), Input("engine-report-artillery-import.json"));
        var request = Request([Side(baseline, "base"), Side(baseline, "base")], [Side(artillery, "artillery")]) with
        {
            NoiseFloor = new NoiseFloor("baseline", "smoke", GeneratedAt, "session-aa", 2,
                new Dictionary<string, double> { ["sustained HTTP p95"] = 0.3, ["error rate"] = 2.5 }),
            NoiseFloorSource = "noise-floor-smoke.json, measured 2026-01-01",
            Experiments = new ExperimentLinks(Path.Combine(_directory, "experiments"), "optimized sustains 900/s, baseline 300/s",
                [new CapacityLink("baseline", GeneratedAt), new CapacityLink("optimized", GeneratedAt)], new AttributionLink("2^(3-1) design", "smoke"),
                ["capacity-broken.json: not JSON"]),
            ExtraRecommendations = [new Recommendation("experiment", "An experiment's finding", "its evidence", "its advice")],
        };

        var document = ComparisonComposer.Compose(request);

        GoldenFile.ShouldMatch(document.Markdown, "comparison-repeats-engine-report.golden.md");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ComparisonInput Input(string file) => ComparisonInput.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", file));

    private static ComparisonSide Side(ComparisonInput input, string label) => input.ToSide(label, $"`{Path.GetFileName(input.Path)}` ({input.KindText})");

    private ComparisonRequest Request(IReadOnlyList<ComparisonSide> a, IReadOnlyList<ComparisonSide> b) => new()
    {
        SidesA = a,
        SidesB = b,
        ProfileName = a[^1].ProfileName,
        MarkdownDirectory = _directory,
        ChartStem = "golden",
        GeneratedAt = GeneratedAt,
        Provenance = new ReportProvenance(["a: `a.json`", "b: `b.json`"], "Reproduce:", "perf compare a.json b.json --out golden.md"),
    };
}
