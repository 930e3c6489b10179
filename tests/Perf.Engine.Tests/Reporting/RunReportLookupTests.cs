using Perf.Engine.Reporting;
using Perf.Engine.Stats;

namespace Perf.Engine.Tests.Reporting;

public class RunReportLookupTests
{
    private static readonly TrafficStats Stats = new(1, 1, LatencyStats.Empty, new Dictionary<int, long>(), new Dictionary<string, long>(), 0, 0);

    private static readonly RunReport Report = new()
    {
        ProfileName = "p",
        Target = "http://127.0.0.1/",
        Phases = [],
        Totals = Stats,
        Scenarios = [new ScenarioReport("pay", 1, 1, 1, 0, Stats), new ScenarioReport("health", 1, 1, 1, 0, Stats)],
        Requests = [new RequestReport("POST /payments", "POST", "/payments", null, Stats)],
        TimeSeries = [],
    };

    [Fact]
    public void GetFindsByExactKey()
    {
        Report.GetScenario("health").Name.Should().Be("health");
        Report.GetRequest("POST /payments").Method.Should().Be("POST");
        Report.TryGetRequest("POST /payments", out var found).Should().BeTrue();
        found.Url.Should().Be("/payments");
    }

    [Fact]
    public void MissNamesWhatTheReportHas()
    {
        var act = () => Report.GetScenario("checkout");

        act.Should().Throw<KeyNotFoundException>().WithMessage("the report has no scenario 'checkout' (it has: 'pay', 'health')");
        Report.TryGetRequest("GET /payments", out _).Should().BeFalse();
        ((Action)(() => Report.GetPhase("sustained"))).Should().Throw<KeyNotFoundException>().WithMessage("*no phase 'sustained' (it has: none)");
    }
}
