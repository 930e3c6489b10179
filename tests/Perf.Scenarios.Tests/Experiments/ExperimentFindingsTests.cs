using Perf.Fixtures.Settings;
using Perf.Model;
using Perf.Scenarios.Experiments.Capacity;
using Perf.Scenarios.Experiments.Reporting;

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

    [Fact]
    public void AGeneratorLimitedSearchIsCitedAsALowerBoundNotACapacity()
    {
        using var artifacts = new TempArtifacts();
        var report = Capacity("baseline", sustained: 400, broken: 800, StepCheck.Generator);
        CapacityExperiment.Write(report with { Result = report.Result with { Outcome = CapacityOutcome.GeneratorLimited } }, Path.Combine(artifacts.Directory, "experiments"), _ => { });

        ExperimentFindings.Load(artifacts.Directory).CapacitySentence().Should().Be("baseline sustains at least 400/s (GeneratorLimited)");
    }

    private static CapacityReport Capacity(string configuration, double sustained, double broken, StepCheck failure)
    {
        var plan = new CapacityPlan { StartRate = 100, MaxRate = 3000, StepDuration = TimeSpan.FromSeconds(15) };
        CapacityStep Step(int index, double rate, bool ok) => new(index, new StepMeasurement
        {
            TargetRate = rate, AchievedRate = rate, StartedArrivals = 100, LateArrivals = 0, LatenessP99Ms = 0.2, Requests = 150,
            HttpP50Ms = 1, HttpP95Ms = 3, HttpP99Ms = ok ? 8 : 40, ErrorRatePercent = 0, JobP99Ms = 90, JobSamples = 75, JobsAccepted = 75,
            BacklogAtStart = 0, BacklogAtEnd = ok ? 0 : 900,
        }, ok ? StepOutcome.Sustained : failure == StepCheck.Generator ? StepOutcome.GeneratorBehind : StepOutcome.Broke,
            ok ? [] : [new StepBreach(failure, failure == StepCheck.QueueGrowth ? "backlog grew from 0 to 900 jobs (allowed growth 30)" : "error rate 4.00 %")], 15);
        var result = new CapacityResult(CapacityOutcome.Bracketed, plan, [Step(0, sustained, true), Step(1, broken, false)]);
        var context = new Perf.Scenarios.Experiments.Reporting.ExperimentContext(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(3),
            MachineInfo.Current(), 2.5, 3.1, Tiny: false);
        return new CapacityReport(configuration, result, new SustainCriteria(), EnvironmentPresets.ByName(configuration), "smoke", context);
    }
}
