using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Perf.Cli.Tests.Infrastructure;
using Perf.Engine.Reporting;
using Perf.Testing;

namespace Perf.Cli.Tests;

public class RunCommandInFlightCapTests
{
    [Fact]
    public async Task MaxInFlightDropsArrivalsOverTheCapAndTheSummaryCountsThem()
    {
        await using var target = await LoopbackServer.StartAsync(app => app.MapGet("/", (HttpContext http) => Task.Delay(Timeout.Infinite, http.RequestAborted)));
        using var temp = new TempDirectory();
        var profile = temp.File("profile.yml", """
            config:
              target: "http://127.0.0.1:9"
              http:
                timeout: 2
              phases:
                - duration: 1
                  arrivalRate: 20
                  name: flood
            scenarios:
              - flow:
                  - get: { url: "/" }
            """);
        var output = temp.File("report.json");

        var result = await CliHarness.RunAsync("run", profile, "--target", target.Address.ToString(), "--max-in-flight", "3", "--out", output);

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Contain("3 of 20 arrivals").And.Contain("17 dropped at the in-flight cap of 3");
        var phase = RunReportJson.Read(output).GetPhase("flood");
        phase.DroppedArrivals.Should().Be(17);
        phase.MaxInFlight.Should().Be(3);
    }
}
