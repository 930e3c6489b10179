using Perf.Reports.Comparison;
using Perf.Testing;

namespace Perf.Reports.Tests.Comparison;

public sealed class HeadlineComparisonTests : IDisposable
{
    private readonly BuiltComparison _comparison = new();

    [Fact]
    public void ReportOpensWithWhatThisRunShowsThenTheSustainedPhaseHeadline()
    {
        var markdown = _comparison.Markdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        var shows = markdown.IndexOf("## What this run shows", StringComparison.Ordinal);
        var headline = markdown.IndexOf("## Headline: the 'sustained' phase", StringComparison.Ordinal);
        shows.Should().BePositive();
        headline.Should().BeGreaterThan(shows);
        markdown.IndexOf("## Summary", StringComparison.Ordinal).Should().BeGreaterThan(headline);
        markdown.Should().Contain("leave out run-to-run variation");
        markdown.Should().Contain("| sustained HTTP p95 | sustained phase, mean of 1-s p95 |");
    }

    [Fact]
    public void EachHeadlineMetricHasItsEstimateIntervalAndVerdict()
    {
        var results = _comparison.Compose(RunReportBuilder.Baseline(), RunReportBuilder.Optimized()).Results;

        results.Phase.Should().Be("sustained");
        results.Metrics.Select(m => m.Name).Should().Equal(HeadlineMetrics.All.Select(m => m.Name));
        var p95 = results.Metrics.Single(m => m.Name == "sustained HTTP p95");
        (p95.Unit, p95.Direction, p95.Scale).Should().Be(("ms", MetricDirection.LowerIsBetter, EffectScale.Ratio));
        p95.A.Should().BeApproximately(96.2, 1e-9, "the builder's per-second p95 rises from 0.92 to 1.0 of 100 ms over the sustained phase");
        p95.B.Should().BeApproximately(57.72, 1e-9);
        p95.Estimate.Should().BeApproximately(0.6, 1e-9);
        p95.CiLow.Should().BeLessThan(0.6);
        p95.CiHigh.Should().BeGreaterThan(0.6);
        (p95.Verdict, p95.IntervalSource, p95.MinEffect).Should().Be((Verdict.Better, IntervalSource.WithinRun, 0.10));
        var job = results.Metrics.Single(m => m.Name == "job end-to-end p95");
        (job.Verdict, job.IntervalSource).Should().Be((Verdict.Better, IntervalSource.WithinRun), "the sampler's per-second job percentiles give a within-run interval");
        job.Estimate.Should().BeApproximately(0.3, 0.01);
        results.Metrics.Single(m => m.Name == "queue lag peak").Verdict.Should().Be(Verdict.NotEstimated, "one run gives no interval for a whole-run value");
    }

    [Fact]
    public void ReportsWithoutPerSecondJobLatencyFallBackToTheWholeRunValueWithoutAnInterval()
    {
        var results = _comparison.Compose(new RunReportBuilder { JobLatencyPerSecond = false },
            new RunReportBuilder { Configuration = "optimized", JobP95 = 120, JobLatencyPerSecond = false }).Results;

        var job = results.Metrics.Single(m => m.Name == "job end-to-end p95");
        (job.A, job.B, job.Verdict).Should().Be((400.0, 120.0, Verdict.NotEstimated));
    }

    [Fact]
    public void AGrowingQueueIsAHeadlineDifferenceInJobsPerSecond()
    {
        var results = _comparison.Compose(new RunReportBuilder { QueueLagGrows = true }, RunReportBuilder.Optimized()).Results;

        var growth = results.Metrics.Single(m => m.Name == "queue lag growth");
        (growth.Unit, growth.Scale, growth.Verdict).Should().Be(("jobs/s", EffectScale.Difference, Verdict.Better));
        growth.A.Should().BeApproximately(40, 5, "the builder's baseline lag rises by 40 jobs a second through the sustained phase");
        growth.B.Should().Be(0);
    }

    public void Dispose() => _comparison.Dispose();
}
