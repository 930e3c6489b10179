using Perf.Fixtures.Settings;
using Perf.Scenarios.Running;

namespace Perf.Scenarios.Tests;

public sealed class PerfRunSettingsTests
{
    [Fact]
    public void RunSettingsComeFromTheSettingsModel()
    {
        var run = PerfRunSettings.From(PerfSettings.Load(null, new Dictionary<string, string>
        {
            ["PERF_TIME_SCALE"] = "0.25",
            ["PERF_REPEAT"] = "3",
            ["PERF_JOB_SLO_ENFORCE"] = "baseline, optimized",
        }));

        run.ProfileName.Should().Be("smoke");
        run.TimeScale.Should().Be(0.25);
        run.Repeat.Should().Be(3);
        run.EnforcesJobSlo("baseline").Should().BeTrue();
    }

    [Theory]
    [InlineData(null, null, false, 5665)]
    [InlineData("1", "0", true, 0)]
    [InlineData("true", "6001", true, 6001)]
    [InlineData("0", null, false, 5665)]
    public void DashboardIsOffUnlessAskedForAndListensOnItsPort(string? enabled, string? port, bool expectedEnabled, int expectedPort)
    {
        var variables = new Dictionary<string, string>();
        if (enabled is not null)
        {
            variables["PERF_DASHBOARD"] = enabled;
        }

        if (port is not null)
        {
            variables["PERF_DASHBOARD_PORT"] = port;
        }

        var run = PerfRunSettings.From(PerfSettings.Load(null, variables));

        (run.Dashboard, run.DashboardPort).Should().Be((expectedEnabled, expectedPort));
    }

    [Fact]
    public void BadRunSettingsAreReportedTogetherNamingEachVariable()
    {
        var act = () => PerfRunSettings.From(PerfSettings.Load(null, new Dictionary<string, string>
        {
            ["PERF_TIME_SCALE"] = "0",
            ["PERF_REPEAT"] = "two",
            ["PERF_AA"] = "baseline",
        }));

        act.Should().Throw<PerfSettingsException>().Which.Message.Should().ContainAll(
            "PERF_TIME_SCALE='0' is not a number from 0.01 to 10.",
            "PERF_REPEAT='two' is not an integer from 1 to 1000.",
            "PERF_AA='baseline' needs PERF_AA_HALF=a or b");
    }
}
