using Perf.Engine.Assertions;
using Perf.Engine.Profiles;
using Perf.Engine.Reporting;
using Perf.Engine.Stats;
using Perf.Engine.Thresholds;

namespace Perf.Engine.Tests.Thresholds;

public class ThresholdEvaluatorTests
{
    private static readonly LoadProfile Profile = ProfileBuilder.Create("inline")
        .WithTarget("http://127.0.0.1:8080")
        .WithLoad(Load.ConstantRate(1, TimeSpan.FromSeconds(1)))
        .WithScenario("pay", flow => flow.Post("/payments", new { a = 1 }, r => r.Named("create-payment")))
        .WithThresholds(
            ThresholdSpec.ResponseTime(Aggregation.P95, 500),
            ThresholdSpec.ResponseTime(Aggregation.P99, 1500),
            ThresholdSpec.ScenarioResponseTime("pay", Aggregation.P99, 800),
            ThresholdSpec.RequestResponseTime("create-payment", Aggregation.P95, 300),
            ThresholdSpec.MaxErrorRate(1))
        .Build();

    [Fact]
    public void EveryBreachIsListedWithMeasuredAndAllowedValues()
    {
        var report = Report(p95: 600, p99: 1600, errorRate: 2.5);

        var result = ThresholdEvaluator.Evaluate(Profile, report);

        result.Passed.Should().BeFalse();
        result.Checks.Should().HaveCount(5);
        result.Breaches.Select(b => (b.Expression, b.Scope, b.Measured, b.Allowed)).Should().Equal(
            ("http.response_time.p95", "run", 600, 500),
            ("http.response_time.p99", "run", 1600, 1500),
            ("scenarios.pay.response_time.p99", "scenario 'pay'", 1600, 800),
            ("plugins.metrics-by-endpoint.response_time.create-payment.p95", "request 'create-payment'", 600, 300),
            ("maxErrorRate", "run", 2.5, 1));
        result.ToString().Should().Contain("5 of 5 threshold(s) breached")
            .And.Contain("http.response_time.p99 [run]: measured 1600 ms, allowed < 1500 ms")
            .And.Contain("maxErrorRate [run]: measured 2.5 %, allowed <= 1 %");
    }

    [Fact]
    public void ValuesBelowTheLimitsPass()
    {
        var result = ThresholdEvaluator.Evaluate(Profile, Report(p95: 100, p99: 200, errorRate: 1));

        result.Passed.Should().BeTrue();
        result.Breaches.Should().BeEmpty();
        result.ToString().Should().Be("all 5 threshold(s) met");
    }

    [Fact]
    public void LatencyEqualToTheLimitBreachesLikeArtillery()
    {
        var result = ThresholdEvaluator.Evaluate(Profile, Report(p95: 300, p99: 400, errorRate: 0));

        result.Breaches.Should().ContainSingle().Which.Expression.Should().Be("plugins.metrics-by-endpoint.response_time.create-payment.p95");
    }

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

    [Fact]
    public void APhaseThresholdIsJudgedOnThatPhaseAlone()
    {
        var sustained = Stats(p95: 90, p99: 900, errorRate: 3);
        var report = Report(p95: 10, p99: 20, errorRate: 0) with
        {
            Phases = [new PhaseReport(0, "warm-up", 0, 10, 1, 1, 1, 10, 10, 1, 0, 0, 0) { Traffic = Stats(p95: 5, p99: 6, errorRate: 0) },
                      new PhaseReport(1, "sustained", 10, 10, 5, 5, 5, 50, 50, 5, 0, 0, 0) { Traffic = sustained }],
        };
        var specs = new[]
        {
            ThresholdSpec.ResponseTime(Aggregation.P99, 500).InPhase("sustained"),
            ThresholdSpec.MaxErrorRate(1).InPhase("sustained"),
            ThresholdSpec.ResponseTime(Aggregation.P99, 500).InPhase("warm-up"),
        };

        var result = ThresholdEvaluator.Evaluate(specs, report);

        result.Breaches.Select(b => (b.Expression, b.Scope, b.Measured)).Should().Equal(
            ("http.response_time.p99", "phase 'sustained'", 900),
            ("maxErrorRate", "phase 'sustained'", 3));
        result.Checks.Should().HaveCount(3);
    }

    private static TrafficStats Stats(double p95, double p99, double errorRate)
    {
        var latency = new LatencyStats(1, p95 / 2, p95 / 1.5, p95 / 1.2, p95, p99, p99, p99, p95 / 2);
        return new TrafficStats(1000, 100, latency, new Dictionary<int, long> { [202] = 1000 }, new Dictionary<string, long>(), (long)(errorRate * 10), errorRate);
    }

    private static RunReport Report(double p95, double p99, double errorRate)
    {
        var stats = Stats(p95, p99, errorRate);
        return new RunReport
        {
            ProfileName = "inline",
            Target = "http://127.0.0.1:8080/",
            Phases = [],
            Totals = stats,
            Scenarios = [new ScenarioReport("pay", 1, 1000, 1000, 0, stats)],
            Requests = [new RequestReport("POST /payments", "POST", "/payments", "create-payment", stats)],
            TimeSeries = [],
        };
    }
}
