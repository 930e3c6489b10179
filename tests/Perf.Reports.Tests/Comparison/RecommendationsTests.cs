using Perf.Reports.Comparison;
using Perf.Testing;

namespace Perf.Reports.Tests.Comparison;

public sealed class RecommendationsTests
{
    private static IReadOnlyList<Recommendation> Derive(RunReportBuilder baseline, RunReportBuilder optimized) =>
        Recommendations.Derive(new ComparisonSide(baseline.Build(), "session-now"), new ComparisonSide(optimized.Build(), "session-now"));

    private static IEnumerable<string> Rules(IReadOnlyList<Recommendation> found) => found.Select(r => r.Rule);

    [Fact]
    public void EvictionsUnderAllKeysLruRecommendNoEvictionForTheQueue()
    {
        var optimized = RunReportBuilder.Optimized();
        optimized.EvictedKeys = 1234;

        var eviction = Derive(RunReportBuilder.Baseline(), optimized).Should().ContainSingle(r => r.Rule == "evictions").Subject;

        eviction.Title.Should().StartWith("optimized");
        eviction.Evidence.Should().Contain("1,234 keys evicted").And.Contain("allkeys-lru");
        eviction.Advice.Should().Contain("noeviction").And.Contain("only policy that guarantees correct queue behaviour")
            .And.Contain("lose accepted jobs");
    }

    [Fact]
    public void NoEvictionsMeansNoEvictionRule()
    {
        Rules(Derive(RunReportBuilder.Baseline(), RunReportBuilder.Optimized())).Should().NotContain("evictions");
    }

    [Fact]
    public void UnusedMemoryCapIsReportedOnlyWithoutEvictions()
    {
        Rules(Derive(RunReportBuilder.Baseline(), RunReportBuilder.Optimized())).Should().Contain("memory-cap-unexercised");

        var evicting = RunReportBuilder.Optimized();
        evicting.EvictedKeys = 10;
        Rules(Derive(RunReportBuilder.Baseline(), evicting)).Should().NotContain("memory-cap-unexercised");
    }

    [Fact]
    public void CpuRuleFiresOnlyAboveEightyPercent()
    {
        var hot = RunReportBuilder.Baseline();
        hot.HostCpuPeak = 97;
        var cpu = Derive(hot, RunReportBuilder.Optimized()).Should().ContainSingle(r => r.Rule == "cpu-saturated").Subject;
        cpu.Evidence.Should().Contain("peaked at 97.0 %").And.Contain("2 cores");

        var warm = RunReportBuilder.Baseline();
        warm.HostCpuPeak = 79;
        Rules(Derive(warm, RunReportBuilder.Optimized())).Should().NotContain("cpu-saturated");
    }

    [Fact]
    public void ALoneBusySecondDoesNotMakeTheMachineTheBottleneck()
    {
        var spike = RunReportBuilder.Baseline();
        spike.HostCpuPeak = 97;
        spike.HostCpuPeakSeconds = 1;

        Rules(Derive(spike, RunReportBuilder.Optimized())).Should().NotContain("cpu-saturated");
    }

    [Fact]
    public void LoweredMaxClientsRecommendsAFileDescriptorLimit()
    {
        var lowered = RunReportBuilder.Optimized();
        lowered.MaxClients = 992;

        var rule = Derive(RunReportBuilder.Baseline(), lowered).Should().ContainSingle(r => r.Rule == "maxclients-lowered").Subject;

        rule.Evidence.Should().Contain("requested 10,000, in force 992");
        rule.Advice.Should().Contain("ulimit -n").And.Contain("10,032");
    }

    [Fact]
    public void MaxClientsInForceAsRequestedFiresNothing()
    {
        Rules(Derive(RunReportBuilder.Baseline(), RunReportBuilder.Optimized())).Should().NotContain("maxclients-lowered");
    }

    [Fact]
    public void GrowingQueueLagEstimatesTheWorkersNeeded()
    {
        var behind = RunReportBuilder.Baseline();
        behind.QueueLagGrows = true;

        var rule = Derive(behind, RunReportBuilder.Optimized()).Should().ContainSingle(r => r.Rule == "queue-lag-growing").Subject;

        rule.Title.Should().Contain("baseline").And.Contain("'sustained'");
        rule.Evidence.Should().Contain("grew from 2 to 800 jobs").And.Contain("arrived at 50.0 /s");
        rule.Advice.Should().Contain("10.1 jobs/s per worker").And.Contain("at least 5 worker(s)");
    }

    [Fact]
    public void AFewJobsOfLagJitterFireNoWorkerRule()
    {
        // Seen in a real run: lag "grew" from 0 to 2 jobs while 5 workers kept pace with arrivals.
        var keepingPace = RunReportBuilder.Optimized();
        keepingPace.QueueLagJitters = true;

        Rules(Derive(RunReportBuilder.Baseline(), keepingPace)).Should().NotContain("queue-lag-growing");
    }

    [Fact]
    public void SteadyQueueLagFiresNoWorkerRule()
    {
        Rules(Derive(RunReportBuilder.Baseline(), RunReportBuilder.Optimized())).Should().NotContain("queue-lag-growing");
    }

    [Fact]
    public void LostJobsCiteTheAccountingNotes()
    {
        var losing = RunReportBuilder.Optimized();
        losing.Lost = 7;
        losing.JobNotes = ["The SUT counted 2990 accepted jobs but clients got 2997 202 answers: its counters lost data (an eviction or a Redis restart)."];

        var rule = Derive(RunReportBuilder.Baseline(), losing).Should().ContainSingle(r => r.Rule == "jobs-lost").Subject;

        rule.Title.Should().Contain("7 accepted job(s)");
        rule.Evidence.Should().Contain("its counters lost data");
    }

    [Fact]
    public void LaggingGeneratorIsNamedWithItsPhase()
    {
        var slow = RunReportBuilder.Baseline();
        slow.AchievedSustainedRate = 71;

        var rule = Derive(slow, RunReportBuilder.Optimized()).Should().ContainSingle(r => r.Rule == "generator-behind").Subject;

        rule.Evidence.Should().Contain("'sustained' achieved 71.0 of 100.0 arrivals/s");
    }

    [Fact]
    public void P99RegressionOfOptimizedIsReported()
    {
        var slower = RunReportBuilder.Optimized();
        slower.P99 = 400;

        var rule = Derive(RunReportBuilder.Baseline(), slower).Should().ContainSingle(r => r.Rule == "p99-regression").Subject;

        rule.Evidence.Should().Contain("p99 400.0 ms vs 180.0 ms").And.Contain("worse");
    }

    [Fact]
    public void BackpressureRejectionsExplainTheErrors()
    {
        var refusing = RunReportBuilder.Optimized();
        refusing.Status503 = 60;
        refusing.BackpressureRejected = 60;

        var rule = Derive(RunReportBuilder.Baseline(), refusing).Should().ContainSingle(r => r.Rule == "backpressure").Subject;

        rule.Title.Should().Contain("explain 100 % of the errors");
        rule.Evidence.Should().Contain("60 responses were 503").And.Contain("60 backpressure rejections").And.Contain("max lag 5,000");
    }

    [Fact]
    public void QuietRunsFireNoRuleAndTheReportSaysSo()
    {
        var baseline = RunReportBuilder.Baseline();
        var optimized = RunReportBuilder.Optimized();
        optimized.MaxMemoryBytes = 0;
        optimized.JobP95 = baseline.JobP95;

        Derive(baseline, optimized).Should().BeEmpty();

        using var comparison = new BuiltComparison();
        comparison.Markdown(baseline, optimized).Should().Contain("No rule fired");
    }
}
