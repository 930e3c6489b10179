using Perf.Engine.Profiles;
using Perf.Engine.Reporting;
using Perf.Engine.Stats;

namespace Perf.Testing;

/// <summary>
/// A profile with five thresholds (run p95 500 ms and p99 1500 ms, scenario 'pay' p99 800 ms, request 'create-payment'
/// p95 300 ms, at most 1 % errors) and reports whose every latency figure derives from a chosen p95 and p99, for the
/// threshold evaluator's tests and the report assertion's.
/// </summary>
public static class ThresholdSamples
{
    public static LoadProfile Profile { get; } = ProfileBuilder.Create("inline")
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

    public static TrafficStats Stats(double p95, double p99, double errorRate)
    {
        var latency = new LatencyStats(1, p95 / 2, p95 / 1.5, p95 / 1.2, p95, p99, p99, p99, p95 / 2);
        return new TrafficStats(1000, 100, latency, new Dictionary<int, long> { [202] = 1000 }, new Dictionary<string, long>(), (long)(errorRate * 10), errorRate);
    }

    /// <summary>One scenario 'pay' with one request 'create-payment', each with the run's <see cref="Stats"/>.</summary>
    public static RunReport Report(double p95, double p99, double errorRate)
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
