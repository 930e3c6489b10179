using Perf.Engine.Profiles;
using Perf.Engine.Stats;
using Perf.Engine.Thresholds;
using Perf.Testing;
using static Perf.Testing.ThresholdSamples;

namespace Perf.Engine.Tests.Thresholds;

public class ThresholdEvaluatorTests
{
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
    public void APhaseThresholdIsJudgedOnThatPhaseAlone()
    {
        var sustained = ThresholdSamples.Stats(p95: 90, p99: 900, errorRate: 3);
        var report = Report(p95: 10, p99: 20, errorRate: 0) with
        {
            Phases = [new PhaseReport(0, "warm-up", 0, 10, 1, 1, 1, 10, 10, 1, 0, 0, 0) { Traffic = ThresholdSamples.Stats(p95: 5, p99: 6, errorRate: 0) },
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
}
