using Perf.Cli.Tests.Infrastructure;
using Perf.Engine.Reporting;

namespace Perf.Cli.Tests;

public class ImportArtilleryCommandTests
{
    [Fact]
    public async Task RecordedArtilleryRunBecomesAReportThatStatesWhatItLacks()
    {
        using var temp = new TempDirectory();
        var output = temp.File("imported.json");

        var result = await CliHarness.RunAsync("import-artillery", Fixtures.ArtilleryRun, "--out", output, "--profile", Fixtures.ArtilleryProfile, "--label", "artillery");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Contain("✓ http.response_time.p95 [run]: 23.8 ms").And.Contain("Percentiles per 10-second window")
            .And.Contain("Whole-millisecond resolution").And.Contain("No intended-start timing");
        var report = RunReportJson.Read(output);
        report.Label.Should().Be("artillery");
        report.Target.Should().Be("http://127.0.0.1:18089/");
        report.Totals.Requests.Should().Be(337);
        report.GetRequest("POST /payments").Stats.Status(202).Should().Be(107);
        report.Thresholds!.Checks.Should().HaveCount(4);
    }

    [Fact]
    public async Task NotJsonExitsTwoNamingTheFileAndLine()
    {
        using var temp = new TempDirectory();
        var input = temp.File("artillery.json", "{\n  \"aggregate\": {,\n}");

        var result = await CliHarness.RunAsync("import-artillery", input, "--out", temp.File("out.json"));

        result.ExitCode.Should().Be(ExitCodes.BadInput, result.ToString());
        result.Error.Should().Contain($"{input}:2: '(json)': not valid JSON");
    }

    [Theory]
    [InlineData("""{ "intermediate": [] }""", "'aggregate': missing")]
    [InlineData("""[1, 2]""", "'(root)': must be an object with 'aggregate'")]
    [InlineData("""{ "aggregate": { "firstMetricAt": 1, "lastMetricAt": 2 } }""", "'aggregate.counters': missing")]
    [InlineData("""{ "aggregate": { "counters": { "http.requests": "many" }, "firstMetricAt": 1, "lastMetricAt": 2 } }""", "'aggregate.counters['http.requests']': must be a whole number >= 0, found the string \"many\"")]
    [InlineData("""{ "aggregate": { "counters": {}, "lastMetricAt": 2 } }""", "'aggregate.firstMetricAt': missing")]
    [InlineData("""{ "aggregate": { "counters": {}, "firstMetricAt": 1, "lastMetricAt": 2 }, "intermediate": [ { "counters": {}, "period": "x" } ] }""", "'intermediate[0].period': must be a number, found the string \"x\"")]
    [InlineData("""{ "aggregate": { "counters": {}, "firstMetricAt": 1, "lastMetricAt": 2, "summaries": { "http.response_time": { "min": 1 } } } }""", "'aggregate.summaries['http.response_time'].p50': missing")]
    public async Task MalformedArtilleryJsonExitsTwoNamingTheField(string json, string message)
    {
        using var temp = new TempDirectory();
        var input = temp.File("artillery.json", json);
        var output = temp.File("out.json");

        var result = await CliHarness.RunAsync("import-artillery", input, "--out", output);

        result.ExitCode.Should().Be(ExitCodes.BadInput, result.ToString());
        result.Error.Should().Contain($"{input}: {message}");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task MissingOutOptionExitsTwo()
    {
        var result = await CliHarness.RunAsync("import-artillery", Fixtures.ArtilleryRun);

        result.ExitCode.Should().Be(ExitCodes.BadInput, result.ToString());
        result.Error.Should().Contain("Option '--out' is required");
    }
}
