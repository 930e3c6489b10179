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
    public void SummaryShowsPercentChangeWithDirection()
    {
        var markdown = _artifacts.WriteMarkdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        // Baseline p95 100 ms, optimized 60 ms: 40 % lower, and lower latency is better.
        markdown.Should().Contain("| latency p95 | 100.0 ms | 60.0 ms | ▼ -40.0 % better |");
        // Baseline p99 180, optimized 150.
        markdown.Should().Contain("| latency p99 | 180.0 ms | 150.0 ms | ▼ -16.7 % better |");
    }

    [Fact]
    public void BothSidesAreLabelledAsThisRunWhenFromThisSession()
    {
        var markdown = _artifacts.WriteMarkdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        markdown.Should().Contain("| baseline | this run | session-now |").And.Contain("| optimized | this run | session-now |");
        markdown.Should().NotContain("Mixed sources");
    }

    [Fact]
    public void StoredSideIsLabelledWithItsStartAndTheMixIsStated()
    {
        var stored = RunReportBuilder.Baseline();
        stored.SessionId = "session-yesterday";
        stored.StartedAt = new DateTimeOffset(2025, 1, 14, 9, 30, 0, TimeSpan.Zero);

        var markdown = _artifacts.WriteMarkdown(stored, RunReportBuilder.Optimized());

        markdown.Should().Contain("| baseline | stored (earlier run) | session-yesterday |");
        markdown.Should().Contain("**Mixed sources:**").And.Contain("stored report of an earlier run (started 2025-01-14 09:30:00 UTC");
        markdown.Should().Contain("| optimized | this run | session-now |");
    }

    [Fact]
    public void FailedThresholdIsShownFailingWithItsBreach()
    {
        var failing = RunReportBuilder.Optimized();
        failing.FailP99Threshold = true;

        var markdown = _artifacts.WriteMarkdown(RunReportBuilder.Baseline(), failing);

        markdown.Should().Contain("### optimized: **FAILED** (1 breach(es))");
        markdown.Should().Contain("| `http.response_time.p99` | global | 150 ms | < 75 ms | **FAIL** |");
        markdown.Should().Contain("- http.response_time.p99 [global]: measured 150 ms, allowed < 75 ms");
        markdown.Should().Contain("### baseline: passed").And.Contain("All checks passed");
    }

    [Fact]
    public void EnvironmentListsWhatDidNotRunOnce()
    {
        var markdown = _artifacts.WriteMarkdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        markdown.Should().Contain("### What did not run and why");
        markdown.Split('\n').Count(l => l.StartsWith("- MongoDB: not run", StringComparison.Ordinal)).Should().Be(1);
        markdown.Should().Contain("(baseline, optimized)");
    }

    [Fact]
    public void EffectiveRedisSettingsAreShownSideBySide()
    {
        var markdown = _artifacts.WriteMarkdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        markdown.Should().Contain("| maxmemory (in force) | 0 (no limit) | 2 GB |");
        markdown.Should().Contain("| maxmemory-policy | noeviction | allkeys-lru |");
        markdown.Should().Contain("| workers | 1 | 5 |");
    }

    [Fact]
    public void RedisMemoryGrowthPerThousandJobsIsShownForEachSide()
    {
        var baseline = RunReportBuilder.Baseline();
        var markdown = _artifacts.WriteMarkdown(baseline, RunReportBuilder.Optimized());

        // The builder's Redis grows from 0.8 MB before to 42 MB after.
        var perThousand = (42 - 0.8) * 1024 / baseline.Build().Jobs.Accepted * 1000;
        var cell = NumberText.F(perThousand, "0.0") + " KB";
        markdown.Should().Contain($"| Redis memory growth per 1,000 jobs | {cell} | {cell} |");
        markdown.Should().Contain("| Redis evicted keys (during run) |");
    }

    [Fact]
    public void CpuPerRequestAndPerJobAreTheRoleCpuOverTheRequestAndJobRates()
    {
        var optimized = RunReportBuilder.Optimized();
        var markdown = _artifacts.WriteMarkdown(RunReportBuilder.Baseline(), optimized);
        var side = new ComparisonSide(optimized.Build(), "session");

        // The builder's workers each use a constant 20 % of a core: 0.2 × workers core-seconds per second of load.
        var perJob = 0.2 * optimized.Workers * 1_000_000 / side.JobThroughput!.Value;
        side.CpuMicrosecondsPerJob("worker").Should().BeApproximately(perJob, 1e-6);
        var perRequest = side.RoleCpuAverage("api")!.Value / 100 * 1_000_000 / side.Load.Totals.Rps;
        side.CpuMicrosecondsPerRequest("api").Should().BeApproximately(perRequest, 1e-6);
        side.CpuMicrosecondsPerJob("mongo").Should().BeNull("a role no sample measured has no cost");
        markdown.Should().Contain($"| {NumberText.F(perJob, "#,0")} µs | ").And.Contain("| worker CPU per job |")
            .And.Contain("| API CPU per request |").And.Contain("| Redis CPU per job |");
    }

    [Fact]
    public void MaxClientsNoteAppearsOnlyWhenRedisLoweredIt()
    {
        var lowered = RunReportBuilder.Optimized();
        lowered.MaxClients = 4064;
        lowered.MaxClientsNote = "lowered by Redis: file-descriptor limit 4096";

        var withNote = _artifacts.WriteMarkdown(RunReportBuilder.Baseline(), lowered);
        withNote.Should().Contain("| maxclients note |").And.Contain("lowered by Redis: file-descriptor limit 4096");
        withNote.Should().Contain("at least 10,032 (maxclients + 32)");

        using var other = new TempArtifacts();
        var without = other.WriteMarkdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());
        without.Should().NotContain("maxclients note").And.NotContain("lowered maxclients");
    }

    [Fact]
    public void ChartsAreWrittenAsNonEmptyPngsAndLinkedRelatively()
    {
        var markdown = _artifacts.WriteMarkdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        foreach (var chart in new[] { "latency", "throughput", "queue-lag", "redis-memory", "host-cpu" })
        {
            var file = Path.Combine(_artifacts.Directory, "charts", $"smoke-{chart}.png");
            new FileInfo(file).Length.Should().BeGreaterThan(1000, $"{chart} chart must be a real image");
            markdown.Should().Contain($"](charts/smoke-{chart}.png)");
        }

        markdown.Should().NotContain("chart text is missing", "the repository ships a font, so charts have text on any machine");
    }

    [Fact]
    public void MarkdownIsWrittenWhenChartsCannotBeSaved()
    {
        // A file where the charts folder should be: every chart fails to save.
        Directory.CreateDirectory(_artifacts.Directory);
        File.WriteAllText(Path.Combine(_artifacts.Directory, "charts"), "not a folder");

        var markdown = _artifacts.WriteMarkdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        markdown.Should().Contain("## Summary").And.Contain("## Recommendations");
        markdown.Should().Contain("- Request latency p95 / p99 over time: rendering failed (IOException").And.NotContain("](charts/");
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
