using System.Text.Json;
using Perf.Engine.Reporting;
using Perf.Reports.Experiments;
using Perf.Reports.Experiments.Attribution;
using Perf.Reports.Experiments.Capacity;
using Perf.Reports.Experiments.Scaling;
using Perf.Reports.Experiments.Soak;

namespace Perf.Reports.Tests.Experiments;

/// <summary>
/// Each experiment report from the JSON a tiny experiment run recorded, byte for byte against a checked-in copy: a change
/// to any section or number format shows here as a diff. After an intended change, rerun with PERF_UPDATE_GOLDEN=1 and
/// review the diff of Fixtures/experiment-*.golden.md before committing it.
/// </summary>
public sealed class ExperimentReportGoldenTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("perf-reports-experiments-").FullName;

    [Fact]
    public void ARecordedCapacitySearchGivesTheRecordedReport()
    {
        var report = Input<CapacityReport>("experiment-capacity-tiny.json");

        var document = CapacityMarkdown.Compose(report, _directory);

        GoldenFile.ShouldMatch(document.Markdown, "experiment-capacity-tiny.golden.md");
        document.Charts.Select(c => c.RelativePath).Should().Equal("charts/capacity-tiny-latency.png");
        File.Exists(Path.Combine(_directory, "charts", "capacity-tiny-latency.png")).Should().BeTrue();
    }

    [Fact]
    public void ARecordedScalingCurveGivesTheRecordedReport()
    {
        var recorded = Input<Recorded<ScalingResult>>("experiment-scaling-tiny.json");

        var document = ScalingMarkdown.Compose(recorded.Result, recorded.Context, _directory);

        GoldenFile.ShouldMatch(document.Markdown, "experiment-scaling-tiny.golden.md");
    }

    [Fact]
    public void ARecordedAttributionGivesTheRecordedReport()
    {
        var recorded = Input<Recorded<AttributionResult>>("experiment-attribution-smoke.json");

        var document = AttributionMarkdown.Compose(recorded.Result, recorded.Context, ["workers 1 → 5", "backpressure off → on"], _directory);

        GoldenFile.ShouldMatch(document.Markdown, "experiment-attribution-smoke.golden.md");
        document.Charts.Should().HaveCount(recorded.Result.Effects.Select(e => e.Metric).Distinct().Count(), "one effect chart per metric");
    }

    [Fact]
    public void AttributionNeedsOneLevelDescriptionPerKnob()
    {
        var recorded = Input<Recorded<AttributionResult>>("experiment-attribution-smoke.json");

        var compose = () => AttributionMarkdown.Compose(recorded.Result, recorded.Context, ["workers 1 → 5"], _directory);

        compose.Should().Throw<ArgumentException>().WithMessage("*one level description per knob of the design (2), got 1*");
    }

    [Fact]
    public void ASoakWithAKnownPlateauGivesTheRecordedReport()
    {
        // Redis grows 100 KB a second for the first retention window of the load (ramp included), then holds its level
        // with a small saw-tooth; 75 jobs a second throughout.
        var plan = new SoakPlan(ArrivalRate: 100, Duration: TimeSpan.FromMinutes(3), RetentionSeconds: 30);
        var samples = Enumerable.Range(-60, 241).Select(t => new SoakSample(t,
            (50L << 20) + (100L << 10) * Math.Min(t + 60, 30) + (t % 5 << 10), EvictedKeys: 0, Keys: 1000, Processed: 75L * (t + 60))).ToList();
        var result = SoakResult.From(plan, achievedRate: 99.96, samples);

        var document = SoakMarkdown.Compose(result, "optimized", Input<CapacityReport>("experiment-capacity-tiny.json").Context with { Tiny = false });

        GoldenFile.ShouldMatch(document.Markdown, "experiment-soak.golden.md");
        result.PlateauSlopeMbPerMin.Should().BeApproximately(0, 0.01, "the level holds after the retention window");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    internal static T Input<T>(string file) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", file)), RunReportJson.Options)
        ?? throw new InvalidOperationException($"{file} holds null");

    /// <summary>The scaling and attribution JSON hold the result beside when and where it ran.</summary>
    internal sealed record Recorded<T>(T Result, ExperimentContext Context);
}
