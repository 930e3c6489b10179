using Perf.Scenarios.Running;

namespace Perf.Scenarios.Tests;

public sealed class JobSloTests
{
    [Fact]
    public void AKeptUpQueuePassesEveryJobCheck()
    {
        var report = RunReportBuilder.Baseline().Build();

        var checks = JobSlo.Default.Evaluate(report.Load, report.Jobs, report.Resources);

        checks.Select(c => c.Name).Should().Equal("job end-to-end p95", "job end-to-end p99", "drain time", "queue lag growth (sustained phase)");
        checks.Should().OnlyContain(c => c.Passed);
    }

    [Fact]
    public void AGrowingQueueAndSlowJobsBreachWithTheirMeasuredValues()
    {
        var report = new RunReportBuilder { QueueLagGrows = true, JobP95 = 2500 }.Build();

        var failed = JobSlo.Default.Evaluate(report.Load, report.Jobs, report.Resources).Where(c => !c.Passed).ToList();

        failed.Select(c => c.Name).Should().Equal("job end-to-end p95", "queue lag growth (sustained phase)");
        failed[0].ToString().Should().Be("job end-to-end p95: measured 2500 ms, allowed <= 2000 ms");
        failed[1].Measured.Should().BeApproximately(40, 0.5, "the builder's lag grows by 40 jobs each second of the sustained phase");
    }

    [Fact]
    public void AnUnmeasuredJobLatencyFails()
    {
        var report = RunReportBuilder.Baseline().Build();

        var checks = JobSlo.Default.Evaluate(report.Load, report.Jobs with { EndToEndLatencyMs = null }, report.Resources);

        checks.Where(c => !c.Passed).Select(c => c.Name).Should().Equal("job end-to-end p95", "job end-to-end p99");
        checks[0].ToString().Should().Contain("not measured");
    }
}
