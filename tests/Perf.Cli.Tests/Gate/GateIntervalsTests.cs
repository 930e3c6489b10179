using System.Text.Json.Nodes;
using Perf.Cli.Tests.Infrastructure;
using static Perf.Cli.Tests.Gate.GateInputs;

namespace Perf.Cli.Tests.Gate;

/// <summary><c>perf gate --intervals</c> on synthetic base-vs-head comparisons with known verdicts.</summary>
public sealed class GateIntervalsTests : IDisposable
{
    private const string HeadReportName = "report-optimized-aa-b-r1-smoke.json";

    private readonly TempDirectory _temp = new();

    private string Folder => Directory.CreateDirectory(Path.Combine(_temp.Path, "comparison-results")).FullName;

    [Fact]
    public async Task SideAtZeroReadsFromValueToZeroNotTimesZero()
    {
        var lag = Metric(name: "queue lag peak", unit: "jobs", low: 0, high: 0, estimate: 5e-324, verdict: "notEstimated");
        (lag["a"], lag["b"]) = (44364.0, 0.0);

        var result = await GateAsync(Comparison(lag));

        result.Output.Should().Contain("| queue lag peak | jobs | 4.436e+04 | 0 | from 4.436e+04 to 0 | 0 – 0 |").And.NotContain("×0 ");
    }

    [Fact]
    public async Task IntervalsWithinTolerancePassAndSayInconclusive()
    {
        var result = await GateAsync(Comparison(Metric(low: 0.97, high: 1.04)));

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Contain("**Result: passed, inconclusive**")
            .And.Contain("| sustained HTTP p95 | ms | 100 | 100.5 | ×1.005 | ×0.97 – ×1.04 | ×0.8 – ×1.25 | noDetectableDifference | within tolerance |");
    }

    [Fact]
    public async Task DetectedImprovementPassesWithoutInconclusive()
    {
        var result = await GateAsync(Comparison(Metric(low: 0.5, high: 0.6, verdict: "better")));

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Contain("**Result: passed**").And.NotContain("inconclusive").And.Contain("| improvement |");
    }

    [Fact]
    public async Task WholeIntervalBeyondToleranceOnTheWorseSideFails()
    {
        var result = await GateAsync(Comparison(Metric(low: 1.3, high: 1.6, verdict: "worse"), Metric("job throughput", direction: "higherIsBetter")));

        result.ExitCode.Should().Be(ExitCodes.Breach, result.ToString());
        result.Output.Should().Contain("**Result: FAILED**")
            .And.Contain("- sustained HTTP p95: the whole interval ×1.3 – ×1.6 lies beyond the tolerance ×0.8 – ×1.25 on the worse side");
    }

    [Fact]
    public async Task ThroughputWhoseWholeIntervalFellBeyondToleranceFails()
    {
        var result = await GateAsync(Comparison(Metric("job throughput", low: 0.6, high: 0.75, verdict: "worse", direction: "higherIsBetter")));

        result.ExitCode.Should().Be(ExitCodes.Breach, result.ToString());
        result.Output.Should().Contain("| **REGRESSION** |");
    }

    [Fact]
    public async Task IntervalStraddlingTheToleranceIsInconclusiveNotAFailure()
    {
        var result = await GateAsync(Comparison(Metric(low: 1.15, high: 1.4, verdict: "worse")));

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Contain("inconclusive: interval straddles the tolerance").And.Contain("Inconclusive for sustained HTTP p95");
    }

    [Fact]
    public async Task NoiseFloorLargerThanToleranceWidensIt()
    {
        var result = await GateAsync(Comparison("`comparison-results/noise-floor-smoke.json`, optimized A/A", Metric(low: 1.3, high: 1.45, minEffect: 0.5)));

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Contain("×0.667 – ×1.5").And.Contain("- Noise floor: `comparison-results/noise-floor-smoke.json`, optimized A/A");
    }

    [Fact]
    public async Task WithoutANoiseFloorTheSummarySaysNoneMeasured()
    {
        var result = await GateAsync(Comparison());

        result.Output.Should().Contain("- Noise floor: none measured").And.Contain("- Interval source: betweenRuns. Intervals are between-run.");
    }

    [Fact]
    public async Task NoiseFloorFileBesideTheComparisonIsNamedButNotUsed()
    {
        await File.WriteAllTextAsync(Path.Combine(Folder, "noise-floor-smoke.json"), """{"configuration": "optimized", "measuredAt": "2026-01-01T00:00:00Z", "runs": 3}""",
            TestContext.Current.CancellationToken);

        var result = await GateAsync(Comparison());

        result.Output.Should().Contain("(optimized A/A of 2026-01-01T00:00:00Z, 3 run(s) per side), present but not used by this comparison.");
    }

    [Fact]
    public async Task ErrorRateUsesItsMinimumEffectInPoints()
    {
        var result = await GateAsync(Comparison(Metric("error rate", low: 0.8, high: 1.2, scale: "difference", minEffect: 0.5, unit: "%", verdict: "worse")));

        result.ExitCode.Should().Be(ExitCodes.Breach, result.ToString());
        result.Output.Should().Contain("±0.5 %").And.Contain("| +0.8 – +1.2 |");
    }

    [Fact]
    public async Task ToleranceOptionRaisesTheRatioBand()
    {
        var result = await GateAsync(Comparison(Metric(low: 1.3, high: 1.6, verdict: "worse")), null, "--tolerance", "100");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Contain("- Tolerance: 100 % on the ratio scale").And.Contain("| ×0.5 – ×2 |");
    }

    [Fact]
    public async Task EnforcedJobSloBreachOfTheHeadFails()
    {
        var result = await GateAsync(Comparison(), HeadReport(passed: false));

        result.ExitCode.Should().Be(ExitCodes.Breach, result.ToString());
        result.Output.Should().Contain($"| {HeadReportName} | job end-to-end p95 | 2600 ms | 2000 ms | **FAILED** |")
            .And.Contain($"- job SLO job end-to-end p95 in {HeadReportName}: 2600 ms, allowed <= 2000 ms");
    }

    [Fact]
    public async Task JobSloBreachThatIsNotEnforcedIsReportedOnly()
    {
        var result = await GateAsync(Comparison(), HeadReport(passed: false, enforced: false));

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Contain("failed (reported only, not enforced)");
    }

    [Fact]
    public async Task HeadThresholdBreachesAreListedWithoutRepeatingJobSlos()
    {
        var report = HeadReport(passed: false);
        report["breaches"] = new JsonArray("job end-to-end p95: measured 2600 ms, allowed <= 2000 ms", "error rate 6.9 % > 1 %");

        var result = await GateAsync(Comparison(), report);

        result.Output.Should().Contain($"- {HeadReportName}: error rate 6.9 % > 1 %").And.NotContain($"- {HeadReportName}: job end-to-end p95");
    }

    [Fact]
    public async Task MissingMetricFieldNamesFileAndField()
    {
        var broken = Comparison(Metric(), Metric("job throughput"));
        broken["metrics"]![1]!.AsObject().Remove("ciHigh");

        var result = await GateAsync(broken);

        result.ExitCode.Should().Be(ExitCodes.BadInput);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain("perf gate: bad input: ").And.Contain("base-vs-head-optimized-smoke.json: field 'metrics[1].ciHigh' is missing");
    }

    [Fact]
    public async Task NonNumericIntervalNamesFileAndField()
    {
        var metric = Metric(estimate: 1.0);
        metric["ciLow"] = "low";

        var result = await GateAsync(Comparison(metric));

        result.ExitCode.Should().Be(ExitCodes.BadInput);
        result.Error.Should().Contain("field 'metrics[0].ciLow' is 'low', expected a finite number or null");
    }

    [Fact]
    public async Task MissingHeadReportsIsBadInput()
    {
        var path = Path.Combine(Folder, "base-vs-head-optimized-smoke.json");
        await File.WriteAllTextAsync(path, Comparison().ToJsonString(), TestContext.Current.CancellationToken);

        var result = await CliHarness.RunAsync("gate", "--intervals", path);

        result.ExitCode.Should().Be(ExitCodes.BadInput);
        result.Error.Should().Contain("no head reports match");
    }

    [Fact]
    public async Task HeadReportWithoutJobChecksNamesFileAndField()
    {
        var result = await GateAsync(Comparison(), new JsonObject { ["configuration"] = "optimized" });

        result.ExitCode.Should().Be(ExitCodes.BadInput);
        result.Error.Should().Contain($"{HeadReportName}: field 'jobChecks' is missing");
    }

    [Fact]
    public async Task BothModesAtOnceAreRefused()
    {
        var result = await CliHarness.RunAsync("gate", "--intervals", "x.json", "main", "current");

        result.ExitCode.Should().Be(ExitCodes.BadInput);
        result.Error.Should().Contain("--intervals takes no reference or current directory: pick one mode");
    }

    public void Dispose() => _temp.Dispose();

    private async Task<CliResult> GateAsync(JsonObject comparison, JsonObject? headReport = null, params string[] extra)
    {
        var path = Path.Combine(Folder, "base-vs-head-optimized-smoke.json");
        await File.WriteAllTextAsync(path, comparison.ToJsonString(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Folder, HeadReportName), (headReport ?? HeadReport()).ToJsonString(), TestContext.Current.CancellationToken);
        return await CliHarness.RunAsync(["gate", "--intervals", path, .. extra]);
    }
}
