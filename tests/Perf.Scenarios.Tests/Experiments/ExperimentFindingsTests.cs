using Perf.Fixtures.Settings;
using Perf.Model;
using Perf.Reports.Experiments;
using Perf.Reports.Experiments.Capacity;
using Perf.Scenarios.Experiments.Capacity;

namespace Perf.Scenarios.Tests.Experiments;

public sealed class ExperimentFindingsTests
{
    [Fact]
    public void TheComparisonSaysWhatEachConfigurationSustainsAndCitesIt()
    {
        using var artifacts = new TempArtifacts();
        var experiments = Path.Combine(artifacts.Directory, "experiments");
        CapacityExperiment.Write(Capacity("baseline", sustained: 500, broken: 520, StepCheck.QueueGrowth), experiments, _ => { });
        CapacityExperiment.Write(Capacity("optimized", sustained: 1200, broken: 1250, StepCheck.ErrorRate), experiments, _ => { });

        var markdown = artifacts.WriteMarkdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        markdown.Should().Contain("Capacity search: **optimized sustains 1200/s, baseline sustains 500/s**")
            .And.Contain("](experiments/CAPACITY_baseline.md)")
            .And.Contain("First to break at 520/s: backlog grew")
            .And.Contain("headroom is baseline 5.00×, optimized 12.00×");
    }

    [Fact]
    public void WithoutExperimentResultsTheComparisonHasNoExperimentSection()
    {
        using var artifacts = new TempArtifacts();

        var markdown = artifacts.WriteMarkdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());

        markdown.Should().NotContain("Capacity and attribution (experiments)");
    }

    private static CapacityReport Capacity(string configuration, double sustained, double broken, StepCheck failure)
    {
        var context = new ExperimentContext(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(3), MachineInfo.Current(), 2.5, 3.1, Tiny: false);
        return new CapacityReport(configuration, CapacitySamples.TwoSteps(sustained, broken, failure), new SustainCriteria(), EnvironmentPresets.ByName(configuration), "smoke", context);
    }
}
