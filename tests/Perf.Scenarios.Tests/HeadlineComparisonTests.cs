namespace Perf.Scenarios.Tests;

public sealed class HeadlineComparisonTests : IDisposable
{
    private readonly TempArtifacts _artifacts = new();

    [Fact]
    public void HeadlineIsWrittenAsJsonForTheGate()
    {
        _artifacts.WriteMarkdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        var results = _artifacts.Writer.Read<ComparisonResults>(Path.Combine(_artifacts.Directory, "comparison-results", "comparison-smoke.json"))!;

        (results.SideA, results.SideB, results.Phase).Should().Be(("baseline", "optimized", "sustained"));
        results.Metrics.Select(m => m.Name).Should().Equal(HeadlineMetrics.All.Select(m => m.Name));
    }

    [Fact]
    public void RepeatsOfThisSessionGiveBetweenRunIntervals()
    {
        for (var repeat = 1; repeat <= 4; repeat++)
        {
            _artifacts.Store(new RunReportBuilder { P95 = 100 + repeat, JobP95 = 400 + repeat }.Build() with { Repeat = repeat });
            _artifacts.Store(new RunReportBuilder { Configuration = "optimized", P95 = 60 + repeat, JobP95 = 120 + repeat }.Build() with { Repeat = repeat });
        }

        var markdown = File.ReadAllText(_artifacts.Write()!);
        var results = _artifacts.Writer.Read<ComparisonResults>(Path.Combine(_artifacts.Directory, "comparison-results", "comparison-smoke.json"))!;

        (results.RunsA, results.RunsB).Should().Be((4, 4));
        var job = results.Metrics.Single(m => m.Name == "job end-to-end p95");
        (job.IntervalSource, job.Verdict, job.RunsA).Should().Be((IntervalSource.BetweenRuns, Verdict.Better, 4));
        job.CiHigh.Should().BeLessThan(0.5);
        markdown.Should().Contain("Intervals are between-run").And.Contain("baseline repeat 4, optimized repeat 4");
    }

    [Fact]
    public void AnAaRunWritesANoiseFloorThatLaterComparisonsUse()
    {
        _artifacts.Store(new RunReportBuilder { Side = "baseline-aa-a" }.Build());
        _artifacts.Store(new RunReportBuilder { Side = "baseline-aa-b", HostCpuPeak = 75 }.Build());

        var aaPath = _artifacts.Write(aaConfiguration: "baseline");

        Path.GetFileName(aaPath).Should().Be("LOAD_TEST_AA_BASELINE_SMOKE.md");
        var noise = _artifacts.Writer.Read<NoiseFloor>(ComparisonReport.NoiseFloorPath(_artifacts.Writer))!;
        noise.ByMetric["host CPU"].Should().BeGreaterThan(0.2, "host CPU differed by about a fifth between the two halves");
        noise.ByMetric["sustained HTTP p95"].Should().BeLessThan(0.1);

        var markdown = _artifacts.WriteMarkdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());
        var results = _artifacts.Writer.Read<ComparisonResults>(Path.Combine(_artifacts.Directory, "comparison-results", "comparison-smoke.json"))!;
        var cpu = results.Metrics.Single(m => m.Name == "host CPU");
        cpu.MinEffect.Should().Be(noise.ByMetric["host CPU"]);
        cpu.MinEffectSource.Should().StartWith("A/A noise floor (baseline");
        results.Metrics.Single(m => m.Name == "sustained HTTP p95").MinEffectSource.Should().Be("stated");
        markdown.Should().Contain("noise-floor-smoke.json");
    }

    [Fact]
    public void AnAaRunOfTwoBuildsIsNamedByItsLabelsAndUsesTheNoiseFloorInsteadOfWritingOne()
    {
        _artifacts.Store(new RunReportBuilder { Side = "baseline-aa-a" }.Build());
        _artifacts.Store(new RunReportBuilder { Side = "baseline-aa-b", HostCpuPeak = 75 }.Build());
        _artifacts.Write(aaConfiguration: "baseline");
        var noisePath = ComparisonReport.NoiseFloorPath(_artifacts.Writer);
        var measured = File.ReadAllText(noisePath);

        var path = ComparisonReport.TryWrite(_artifacts.Writer, "session-now", _artifacts.Log.Add, "baseline", new SideLabels("base", "head"));

        Path.GetFileName(path).Should().Be("LOAD_TEST_BASE_VS_HEAD_BASELINE_SMOKE.md");
        File.ReadAllText(noisePath).Should().Be(measured, "a comparison of two builds is no A/A measurement");
        var results = _artifacts.Writer.Read<ComparisonResults>(Path.Combine(_artifacts.Directory, "comparison-results", "base-vs-head-baseline-smoke.json"))!;
        (results.SideA, results.SideB).Should().Be(("base", "head"));
        results.NoiseFloorSource.Should().Contain("noise-floor-smoke.json");
        File.ReadAllText(path!).Should().Contain("# Load test comparison: base vs head");
    }

    [Theory]
    [InlineData("base")]
    [InlineData("base,base")]
    [InlineData("base,he ad")]
    public void SideLabelsThatAreNotTwoDifferentNamesAreRejected(string text)
    {
        var parse = () => SideLabels.Parse(text);

        parse.Should().Throw<InvalidOperationException>().WithMessage($"PERF_AA_LABELS='{text}'*");
    }

    public void Dispose() => _artifacts.Dispose();
}
