using static Perf.Testing.ThresholdSamples;

namespace Perf.Engine.Assertions.Tests;

public class RunReportAssertionsTests
{
    [Fact]
    public void AssertionFailsWithTheFullListOfBreaches()
    {
        var report = Report(p95: 600, p99: 1600, errorRate: 2.5);

        var act = () => report.Should().MeetThresholds(Profile, "the {0} run must hold its SLOs", "smoke");

        act.Should().Throw<Exception>().Which.Message.Should()
            .Contain("the smoke run must hold its SLOs")
            .And.Contain("5 of 5 threshold(s) breached")
            .And.Contain("http.response_time.p95 [run]: measured 600 ms")
            .And.Contain("maxErrorRate [run]: measured 2.5 %");
    }

    [Fact]
    public void AssertionPassesWhenThresholdsHold()
    {
        var act = () => Report(p95: 10, p99: 20, errorRate: 0).Should().MeetThresholds(Profile);

        act.Should().NotThrow();
    }
}
