using Perf.Reports.Comparison;
using Perf.Testing;

namespace Perf.Reports.Tests.Comparison;

/// <summary>What the comparison's sections write for two built run reports of this session.</summary>
public sealed class ComparisonSectionsTests : IDisposable
{
    private readonly BuiltComparison _comparison = new();

    [Fact]
    public void SummaryShowsPercentChangeWithDirection()
    {
        var markdown = _comparison.Markdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        // Baseline p95 100 ms, optimized 60 ms: 40 % lower, and lower latency is better.
        markdown.Should().Contain("| latency p95 | 100.0 ms | 60.0 ms | ▼ -40.0 % better |");
        // Baseline p99 180, optimized 150.
        markdown.Should().Contain("| latency p99 | 180.0 ms | 150.0 ms | ▼ -16.7 % better |");
    }

    [Fact]
    public void BothSidesAreLabelledAsThisRunWhenFromThisSession()
    {
        var markdown = _comparison.Markdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        markdown.Should().Contain("| baseline | this run | session-now |").And.Contain("| optimized | this run | session-now |");
        markdown.Should().NotContain("Mixed sources");
    }

    [Fact]
    public void StoredSideIsLabelledWithItsStartAndTheMixIsStated()
    {
        var stored = RunReportBuilder.Baseline();
        stored.SessionId = "session-yesterday";
        stored.StartedAt = new DateTimeOffset(2025, 1, 14, 9, 30, 0, TimeSpan.Zero);

        var markdown = _comparison.Markdown(stored, RunReportBuilder.Optimized());

        markdown.Should().Contain("| baseline | stored (earlier run) | session-yesterday |");
        markdown.Should().Contain("**Mixed sources:**").And.Contain("stored report of an earlier run (started 2025-01-14 09:30:00 UTC");
        markdown.Should().Contain("| optimized | this run | session-now |");
    }

    [Fact]
    public void FailedThresholdIsShownFailingWithItsBreach()
    {
        var failing = RunReportBuilder.Optimized();
        failing.FailP99Threshold = true;

        var markdown = _comparison.Markdown(RunReportBuilder.Baseline(), failing);

        markdown.Should().Contain("### optimized: **FAILED** (1 breach(es))");
        markdown.Should().Contain("| `http.response_time.p99` | global | 150 ms | < 75 ms | **FAIL** |");
        markdown.Should().Contain("- http.response_time.p99 [global]: measured 150 ms, allowed < 75 ms");
        markdown.Should().Contain("### baseline: passed").And.Contain("All checks passed");
    }

    [Fact]
    public void EnvironmentListsWhatDidNotRunOnce()
    {
        var markdown = _comparison.Markdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        markdown.Should().Contain("### What did not run and why");
        markdown.Split('\n').Count(l => l.StartsWith("- MongoDB: not run", StringComparison.Ordinal)).Should().Be(1);
        markdown.Should().Contain("(baseline, optimized)");
    }

    [Fact]
    public void EffectiveRedisSettingsAreShownSideBySide()
    {
        var markdown = _comparison.Markdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        markdown.Should().Contain("| maxmemory (in force) | 0 (no limit) | 2 GB |");
        markdown.Should().Contain("| maxmemory-policy | noeviction | allkeys-lru |");
        markdown.Should().Contain("| workers | 1 | 5 |");
    }

    [Fact]
    public void RedisMemoryGrowthPerThousandJobsIsShownForEachSide()
    {
        var baseline = RunReportBuilder.Baseline();
        var markdown = _comparison.Markdown(baseline, RunReportBuilder.Optimized());

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
        var markdown = _comparison.Markdown(RunReportBuilder.Baseline(), optimized);
        var side = new ComparisonSide(optimized.Build(), BuiltComparison.SessionId);

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

        var withNote = _comparison.Markdown(RunReportBuilder.Baseline(), lowered);
        withNote.Should().Contain("| maxclients note |").And.Contain("lowered by Redis: file-descriptor limit 4096");
        withNote.Should().Contain("at least 10,032 (maxclients + 32)");

        using var other = new BuiltComparison();
        var without = other.Markdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());
        without.Should().NotContain("maxclients note").And.NotContain("lowered maxclients");
    }

    [Fact]
    public void ChartsAreWrittenAsNonEmptyPngsAndLinkedRelatively()
    {
        var markdown = _comparison.Markdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        foreach (var chart in new[] { "latency", "throughput", "queue-lag", "redis-memory", "host-cpu" })
        {
            var file = Path.Combine(_comparison.Directory, "charts", $"smoke-{chart}.png");
            new FileInfo(file).Length.Should().BeGreaterThan(1000, $"{chart} chart must be a real image");
            markdown.Should().Contain($"](charts/smoke-{chart}.png)");
        }

        markdown.Should().NotContain("chart text is missing", "the repository ships a font, so charts have text on any machine");
    }

    [Fact]
    public void MarkdownIsWrittenWhenChartsCannotBeSaved()
    {
        // A file where the charts folder should be: every chart fails to save.
                File.WriteAllText(Path.Combine(_comparison.Directory, "charts"), "not a folder");

        var markdown = _comparison.Markdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        markdown.Should().Contain("## Summary").And.Contain("## Recommendations");
        markdown.Should().Contain("- Request latency p95 / p99 over time: rendering failed (IOException").And.NotContain("](charts/");
    }

    [Fact]
    public void AQueueBoundJobLatencyReadsInSecondsAndItsChangeAsAFactor()
    {
        var markdown = _comparison.Markdown(new RunReportBuilder { JobP95 = 114_944 }, new RunReportBuilder { Configuration = "optimized", JobP95 = 23 });

        markdown.Should().Contain("| job end-to-end latency p95 | 114.9 s | 23.0 ms | ▼ ×5,000 lower better |");
    }

    public void Dispose() => _comparison.Dispose();
}
