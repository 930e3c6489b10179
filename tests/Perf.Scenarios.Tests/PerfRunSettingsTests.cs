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
