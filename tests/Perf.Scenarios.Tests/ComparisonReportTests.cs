namespace Perf.Scenarios.Tests;

public sealed class ComparisonReportTests : IDisposable
{
    private readonly TempArtifacts _artifacts = new();

    [Fact]
    public void MissingOptimizedReportWritesNothingAndSaysWhy()
    {
        _artifacts.Store(RunReportBuilder.Baseline().Build());

        _artifacts.Write().Should().BeNull();

        File.Exists(_artifacts.Writer.ComparisonPath).Should().BeFalse();
        _artifacts.Log.Should().ContainSingle(l => l.Contains("no optimized report", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingBaselineReportWritesNothing()
    {
        _artifacts.Store(RunReportBuilder.Optimized().Build());

        _artifacts.Write().Should().BeNull();

        File.Exists(_artifacts.Writer.ComparisonPath).Should().BeFalse();
    }

    [Fact]
    public void AnExportedDashboardIsLinkedBesideTheEvidenceAndNothingIsLinkedWithoutOne()
    {
        _artifacts.Store(RunReportBuilder.Baseline().Build());
        _artifacts.Store(RunReportBuilder.Optimized().Build());

        var without = File.ReadAllText(_artifacts.Write()!);
        var with = File.ReadAllText(ComparisonReport.TryWrite(_artifacts.Writer, "session-now", _artifacts.Log.Add, dashboardPath: _artifacts.Writer.DashboardPath)!);

        without.Should().NotContain("LOAD_TEST_DASHBOARD");
        with.Should().Contain("- the live dashboard of this run, both configurations by elapsed time (one HTML file, opens offline): " +
            "[LOAD_TEST_DASHBOARD_SMOKE.html](LOAD_TEST_DASHBOARD_SMOKE.html)");
    }

    [Fact]
    public void BothReportsGiveTheComparisonFileAtTheProfilePath()
    {
        _artifacts.Store(RunReportBuilder.Baseline().Build());
        _artifacts.Store(RunReportBuilder.Optimized().Build());

        var path = _artifacts.Write();

        path.Should().Be(_artifacts.Writer.ComparisonPath);
        Path.GetFileName(path).Should().Be("LOAD_TEST_COMPARISON_SMOKE.md");
        File.ReadAllText(path!).Should().Contain("## Summary").And.Contain("| metric | baseline | optimized | change |");
    }

    [Fact]
    public void FooterNamesTheArtifactFilesAndTheReproduceCommand()
    {
        var markdown = _artifacts.WriteMarkdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        markdown.Should().Contain("comparison-results/report-baseline-smoke.json").And.Contain("metrics-optimized-timeseries-smoke.json");
        markdown.Should().Contain("PERF_PROFILE=smoke");
    }

    public void Dispose() => _artifacts.Dispose();
}
