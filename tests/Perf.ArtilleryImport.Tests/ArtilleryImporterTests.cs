using Perf.Engine.Profiles;

namespace Perf.ArtilleryImport.Tests;

/// <summary>The importer against JSON that Artillery 2.0.21 wrote on this machine; expected figures are read off that file.</summary>
public class ArtilleryImporterTests
{
    [Fact]
    public void AggregateCountersAndSummariesBecomeTheRunTotals()
    {
        var report = ArtilleryImporter.Load(ArtilleryFixtures.ArtilleryRun);

        report.Totals.Requests.Should().Be(337);
        report.Totals.StatusCodes.Should().Equal(new Dictionary<int, long> { [200] = 170, [202] = 167 });
        report.Totals.Latency.Should().BeEquivalentTo(new { Min = 0.0, P50 = 6.0, P75 = 10.1, P90 = 18.0, P95 = 23.8, P99 = 53.0, P999 = 94.6, Max = 212.0, Mean = 9.6 });
        report.Totals.ErrorCount.Should().Be(0);
        report.DurationSeconds.Should().Be(21.838);
        report.Totals.Rps.Should().BeApproximately(337 / 21.838, 0.001);
        report.Target.Should().Be(ArtilleryImporter.UnknownTarget);
        report.Thresholds.Should().BeNull("without the profile there is nothing to check");
        report.Limitations.Should().Contain(l => l.StartsWith("Thresholds not evaluated", StringComparison.Ordinal));
    }

    [Fact]
    public void TenSecondWindowsBecomeTheTimeSeries()
    {
        var report = ArtilleryImporter.Load(ArtilleryFixtures.ArtilleryRun);

        report.TimeSeries.Select(p => p.Requests).Should().Equal(90, 205, 42);
        report.TimeSeries.Sum(p => p.Arrivals).Should().Be(230);
        report.TimeSeries.Select(p => p.Second).Should().BeInAscendingOrder().And.HaveElementAt(2, report.DurationSeconds);
        report.TimeSeries[1].Rps.Should().BeApproximately(20.5, 0.001, "205 requests in a full 10-s window");
        report.Limitations.Should().Contain(l => l.Contains("(3 windows)", StringComparison.Ordinal));
    }

    [Fact]
    public void MetricsByEndpointRowsTakeTheirKeysFromTheProfile()
    {
        var profile = ProfileLoader.Load(ArtilleryFixtures.ArtilleryProfile);

        var report = ArtilleryImporter.Load(ArtilleryFixtures.ArtilleryRun, new ArtilleryImportOptions { Profile = profile });

        report.Requests.Select(r => r.Key).Should().BeEquivalentTo(
            "GET /health", "POST /payments", "GET /payments/{{ paymentId }}", "GET /analytics/summary", "POST /notifications");
        var create = report.GetRequest("POST /payments");
        create.Name.Should().Be("create-payment");
        create.Stats.Requests.Should().Be(107);
        create.Stats.Latency.P99.Should().Be(30.9);
        report.Scenarios.Should().ContainSingle(s => s.Name == "payment create and read back" && s.VusersCreated == 107 && s.Weight == 50);
        report.Thresholds!.Checks.Select(c => (c.Expression, c.Measured, c.Passed)).Should().BeEquivalentTo(new[]
        {
            ("http.response_time.p95", 23.8, true),
            ("http.response_time.p99", 53.0, true),
            ("plugins.metrics-by-endpoint.response_time.create-payment.p99", 30.9, true),
            ("maxErrorRate", 0.0, true),
        });
    }

    [Fact]
    public void RefusedRequestsAreConnectionErrorsWithoutLatency()
    {
        var report = ArtilleryImporter.Load(ArtilleryFixtures.ArtilleryRefused);

        report.Totals.Requests.Should().Be(230);
        report.Totals.Errors.Should().Equal(new Dictionary<string, long> { ["connectionRefused"] = 230 });
        report.Totals.ErrorRatePercent.Should().Be(100);
        report.Totals.StatusCodes.Should().BeEmpty();
        report.Requests.Single(r => r.Name == "create-payment").Stats.Errors["connectionRefused"].Should().Be(110);
        report.TimeSeries.Sum(p => p.Errors).Should().Be(230);
    }

    [Fact]
    public void ScenarioThresholdsAreNotEvaluatedWithoutPerScenarioLatency()
    {
        var profile = ProfileLoader.Parse("""
            config:
              target: "http://127.0.0.1:18089"
              phases:
                - duration: 1
                  arrivalRate: 1
              plugins:
                ensure:
                  thresholds:
                    - scenarios.health.response_time.p99: 1
            scenarios:
              - name: health
                flow:
                  - get: { url: "/health", name: health }
            """, "scenario-threshold.yml");

        var report = ArtilleryImporter.Load(ArtilleryFixtures.ArtilleryRun, new ArtilleryImportOptions { Profile = profile });

        report.Thresholds!.Checks.Should().BeEmpty();
        report.Limitations.Should().Contain("Threshold not evaluated: scenarios.health.response_time.p99 (Artillery records no latency per scenario).");
    }
}
