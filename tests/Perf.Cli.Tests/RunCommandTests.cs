using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Perf.Cli.Tests.Infrastructure;
using Perf.Engine.Reporting;
using Perf.Testing;

namespace Perf.Cli.Tests;

public class RunCommandTests
{
    private const string Thresholds = """
          plugins:
            ensure:
              thresholds:
                - http.response_time.p99: 10000
              maxErrorRate: 0
        """;

    [Fact]
    public async Task RunWithinThresholdsExitsZeroAndWritesItsReport()
    {
        await using var target = await LoopbackServer.StartAsync(app => app.MapGet("/", () => Results.Text("ok")));
        using var temp = new TempDirectory();
        var profile = temp.File("profile.yml", Profile(seconds: 2.5, rate: 20));
        var output = temp.File("out/report.json");

        var result = await CliHarness.RunAsync("run", profile, "--target", target.Address.ToString(), "--out", output, "--progress-interval", "1");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Contain("✓ http.response_time.p99 [run]").And.Contain("✓ maxErrorRate [run]: 0 %")
            .And.Contain("all 2 threshold(s) met").And.Contain("http_reqs").And.Contain("GET /");
        result.Output.Should().MatchRegex(@"\] phase 1: target \d+/s achieved \d+/s, in-flight \d+, p50 [0-9.]+ ms", "plain progress lines when the output is not a terminal");
        var report = RunReportJson.Read(output);
        report.Totals.Requests.Should().Be(50);
        report.Thresholds!.Passed.Should().BeTrue();
        report.Limitations.Should().BeEmpty();
    }

    [Fact]
    public async Task BreachedThresholdExitsOneAndShowsTheMeasuredValue()
    {
        await using var target = await LoopbackServer.StartAsync(app => app.MapGet("/", () => Results.Text("ok", statusCode: StatusCodes.Status503ServiceUnavailable)));
        using var temp = new TempDirectory();
        var profile = temp.File("profile.yml", Profile(seconds: 0.5, rate: 20));

        var result = await CliHarness.RunAsync("run", profile, "--target", target.Address.ToString());

        result.ExitCode.Should().Be(ExitCodes.Breach, result.ToString());
        result.Output.Should().Contain("✗ maxErrorRate [run]: 100 % (allowed <= 0 %)").And.Contain("1 of 2 threshold(s) breached")
            .And.Contain("http5xx 10");
    }

    [Fact]
    public async Task InvalidProfileExitsTwoNamingFileLineAndKey()
    {
        using var temp = new TempDirectory();
        var profile = temp.File("profile.yml", Profile(seconds: 1, rate: 5).Replace("arrivalRate:", "arivalRate:", StringComparison.Ordinal));

        var result = await CliHarness.RunAsync("run", profile, "--target", "http://127.0.0.1:9");

        result.ExitCode.Should().Be(ExitCodes.BadInput, result.ToString());
        result.Error.Should().Contain($"{profile}:5: 'config.phases[0].arivalRate': unknown key");
    }

    [Theory]
    [InlineData("--target", "not-a-url", "'(override) target': must be an absolute http(s) URL, found 'not-a-url'")]
    [InlineData("--time-scale", "-1", "'(override) timeScale': must be a positive number, found -1")]
    [InlineData("--time-scale", "fast", "fast")]
    [InlineData("--progress-interval", "0", "--progress-interval 0: must be between 0.1 and 3600 seconds")]
    [InlineData("--max-in-flight", "0", "--max-in-flight 0: must be at least 1")]
    public async Task BadValueExitsTwoSayingWhatWasWrong(string option, string value, string message)
    {
        using var temp = new TempDirectory();
        var profile = temp.File("profile.yml", Profile(seconds: 1, rate: 5));

        var target = option == "--target" ? value : "http://127.0.0.1:9";
        var extra = option == "--target" ? [] : new[] { option, value };

        var result = await CliHarness.RunAsync(["run", profile, "--target", target, .. extra]);

        result.ExitCode.Should().Be(ExitCodes.BadInput, result.ToString());
        result.Error.Should().Contain(message);
        result.Output.Should().NotContain("http_reqs", "nothing was run");
    }

    [Fact]
    public async Task MissingProfileExitsTwo()
    {
        using var temp = new TempDirectory();
        var missing = temp.File("nope.yml");

        var result = await CliHarness.RunAsync("run", missing, "--target", "http://127.0.0.1:9");

        result.ExitCode.Should().Be(ExitCodes.BadInput, result.ToString());
        result.Error.Should().Contain($"{missing}:0: '(file)': file not found");
    }

    [Fact]
    public async Task OutputPathThatIsADirectoryExitsTwoBeforeRunning()
    {
        using var temp = new TempDirectory();
        var profile = temp.File("profile.yml", Profile(seconds: 1, rate: 5));

        var result = await CliHarness.RunAsync("run", profile, "--target", "http://127.0.0.1:9", "--out", temp.Path);

        result.ExitCode.Should().Be(ExitCodes.BadInput, result.ToString());
        result.Error.Should().Contain($"--out {temp.Path}: is a directory");
    }

    private static string Profile(double seconds, double rate) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"""
        config:
          target: "http://127.0.0.1:9"
          phases:
            - duration: {seconds}
              arrivalRate: {rate}
        {Thresholds}
        scenarios:
          - flow:
              - get: {"{"} url: "/" {"}"}
        """);
}
