using System.Text.Json.Nodes;
using Perf.Cli.Tests.Infrastructure;
using static Perf.Cli.Tests.Gate.GateInputs;

namespace Perf.Cli.Tests.Gate;

/// <summary><c>perf gate &lt;reference-dir&gt; &lt;current-artifacts-dir&gt;</c>, the fallback against main's stored reports, on synthetic reports with known verdicts.</summary>
public sealed class GateFallbackTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Reference => Path.Combine(_temp.Path, "perf-main");

    private string Current => Path.Combine(_temp.Path, "perf");

    [Fact]
    public async Task ChangesWithinTolerancePass()
    {
        var result = await CompareAsync(Report(p95: 10, p99: 20, rps: 100), Report(p95: 12, p99: 24, rps: 90), "--tolerance", "25");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Contain("| baseline | p95 latency ms | 10.00 | 12.00 | +20.0 % ok |").And.NotContain("REGRESSION");
    }

    [Fact]
    public async Task LatencyRiseBeyondToleranceIsARegression()
    {
        var result = await CompareAsync(Report("optimized", p95: 10), Report("optimized", p95: 13), "--tolerance", "25");

        result.ExitCode.Should().Be(ExitCodes.Breach, result.ToString());
        result.Output.Should().Contain("| optimized | p95 latency ms | 10.00 | 13.00 | +30.0 % REGRESSION |")
            .And.Contain("- optimized p95 latency ms: 10.00 -> 13.00 (+30.0 %)");
    }

    [Fact]
    public async Task ThroughputDropBeyondToleranceIsARegression()
    {
        var result = await CompareAsync(Report(rps: 100), Report(rps: 70));

        result.ExitCode.Should().Be(ExitCodes.Breach, result.ToString());
        result.Output.Should().Contain("## Perf gate (tolerance 25 % against main)").And.Contain("| baseline | throughput req/s | 100.00 | 70.00 | -30.0 % REGRESSION |");
    }

    [Fact]
    public async Task RiseFromZeroIsARegressionNotZeroPercent()
    {
        var result = await CompareAsync(Report(p99: 0), Report(p99: 5));

        result.ExitCode.Should().Be(ExitCodes.Breach, result.ToString());
        result.Output.Should().Contain("| baseline | p99 latency ms | 0.00 | 5.00 | from 0 to 5.00 REGRESSION |").And.NotContain("| 0.00 | 5.00 | +0.0 %");
    }

    [Fact]
    public async Task ErrorRateBelowNoiseFloorIsNotARegression()
    {
        var result = await CompareAsync(Report(errorRate: 0), Report(errorRate: 0.3));

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
    }

    [Fact]
    public async Task ErrorRateFromZeroAboveNoiseFloorIsARegression()
    {
        var result = await CompareAsync(Report(errorRate: 0), Report(errorRate: 2));

        result.ExitCode.Should().Be(ExitCodes.Breach, result.ToString());
        result.Output.Should().Contain("error rate %: 0.00 -> 2.00 (from 0 to 2.00)");
    }

    [Fact]
    public async Task MissingReferenceChecksOnlyAbsoluteThresholds()
    {
        Write(Current, "report-baseline-smoke.json", Report());

        var result = await GateAsync();

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Contain("| report-baseline-smoke.json | (no reference from main) | | | |").And.Contain("No reference reports from main");
    }

    [Fact]
    public async Task MissingMetricNamesFileAndField()
    {
        var broken = Report();
        broken["load"]!["totals"]!["latency"]!.AsObject().Remove("p99");
        Write(Reference, "report-baseline-smoke.json", Report());
        var path = Write(Current, "report-baseline-smoke.json", broken);

        var result = await GateAsync();

        result.ExitCode.Should().Be(ExitCodes.BadInput);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain($"{path}: field 'load.totals.latency.p99' is missing (needed for 'p99 latency ms')");
    }

    [Fact]
    public async Task NonNumericMetricNamesFileAndField()
    {
        Write(Reference, "report-baseline-smoke.json", Report());
        var path = Write(Current, "report-baseline-smoke.json", Report(rps: "fast"));

        var result = await GateAsync();

        result.ExitCode.Should().Be(ExitCodes.BadInput);
        result.Error.Should().Contain($"{path}: field 'load.totals.rps' is 'fast', expected a finite number");
    }

    [Fact]
    public async Task InvalidJsonNamesFileAndLine()
    {
        var path = Write(Current, "report-baseline-smoke.json", "{\n  \"configuration\": \"baseline\",\n  \"load\": }\n");

        var result = await GateAsync();

        result.ExitCode.Should().Be(ExitCodes.BadInput);
        result.Error.Should().Contain($"{path}:3:11: not valid JSON");
    }

    [Fact]
    public async Task NoCurrentReportsIsBadInput()
    {
        Directory.CreateDirectory(Current);

        var result = await GateAsync();

        result.ExitCode.Should().Be(ExitCodes.BadInput);
        result.Error.Should().Contain("no configuration reports under");
    }

    [Fact]
    public async Task ToleranceThatIsNotANumberIsRejected()
    {
        var result = await GateAsync("--tolerance", "lots");

        result.ExitCode.Should().Be(ExitCodes.BadInput);
        result.Error.Should().Contain("'lots' is not a number");
    }

    [Fact]
    public async Task OneDirectoryWithoutIntervalsIsRefused()
    {
        var result = await CliHarness.RunAsync("gate", Reference);

        result.ExitCode.Should().Be(ExitCodes.BadInput);
        result.Error.Should().Contain("give --intervals JSON (same-runner comparison) or <reference-dir> <current-artifacts-dir> (fallback)");
    }

    public void Dispose() => _temp.Dispose();

    private static string Write(string directory, string name, JsonObject content) => Write(directory, name, content.ToJsonString());

    private static string Write(string directory, string name, string content)
    {
        var folder = Directory.CreateDirectory(Path.Combine(directory, "comparison-results")).FullName;
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<CliResult> GateAsync(params string[] extra) => CliHarness.RunAsync(["gate", Reference, Current, .. extra]);

    /// <summary>Writes one reference and one current report under the same name, then runs the gate.</summary>
    private Task<CliResult> CompareAsync(JsonObject reference, JsonObject current, params string[] extra)
    {
        Write(Reference, "report-baseline-smoke.json", reference);
        Write(Current, "report-baseline-smoke.json", current);
        return GateAsync(extra);
    }
}
