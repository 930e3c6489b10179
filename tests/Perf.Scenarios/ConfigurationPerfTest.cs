using FluentAssertions.Execution;
using Perf.Engine.Assertions;
using Perf.Fixtures;
using Perf.Model;
using Perf.Scenarios.Reporting;
using Perf.Scenarios.Running;

namespace Perf.Scenarios;

/// <summary>
/// The perf test of one configuration: run the profile (PERF_PROFILE, smoke by default), write the evidence and record
/// the run for the comparison (<see cref="ComparisonFixture"/>, written after the last configuration test), then assert
/// thresholds, achieved arrival rate and job conservation, all failures reported together.
/// </summary>
public abstract class ConfigurationPerfTest(PerfEnvironmentFixture fixture, ComparisonFixture comparison, ITestOutputHelper output) : IDisposable
{
    protected async Task<ConfigurationRunReport> RunAndAssertAsync()
    {
        var settings = PerfRunSettings.FromEnvironment();
        fixture.FlushLogTo(output);
        var report = await new ConfigurationRun(fixture.Environment, Log, comparison.Dashboard).ExecuteAsync(settings, TestContext.Current.CancellationToken);
        comparison.Record(new ArtifactWriter(settings.ProfileName), settings, report);

        using (new AssertionScope($"the {report.Configuration} run of profile '{report.ProfileName}'"))
        {
            report.Load.Should().MeetThresholds(report.Load.Thresholds!);
            report.Breaches.Should().BeEmpty("every threshold, the achieved arrival rate and job conservation must hold");
        }

        return report;
    }

    private void Log(string line)
    {
        // Progress goes to the live diagnostic stream as well, so a 4-minute profile is visible while it runs.
        fixture.Log(line);
        fixture.FlushLogTo(output);
    }

    public void Dispose()
    {
        fixture.FlushLogTo(output);
        GC.SuppressFinalize(this);
    }
}
