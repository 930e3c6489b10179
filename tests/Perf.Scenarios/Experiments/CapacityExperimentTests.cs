using Perf.Reports.Experiments;
using Perf.Reports.Experiments.Capacity;

namespace Perf.Scenarios.Experiments;

[Collection(ExperimentLog.Name)]
[Trait(TestTraits.Category, ExperimentTraits.Capacity)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class CapacityExperimentTests(ExperimentLog log, ITestOutputHelper output) : IDisposable
{
    [Fact]
    [Trait(ExperimentTraits.Size, ExperimentTraits.Tiny)]
    public async Task TinySearchBracketsTheKneeOfASlowSystem()
    {
        var experiment = ExperimentDefinitions.TinyCapacity();
        var report = await experiment.RunAsync(log.Write, TestContext.Current.CancellationToken);

        var result = report.Result;
        result.Outcome.Should().Be(CapacityOutcome.Bracketed, "one slot with a 50 ms wait breaks well below the 80/s the generator easily keeps: " +
                                                             CapacityMarkdown.Headline(report));
        var jobShare = StepProfiles.JobShare(experiment.Template);
        var ceiling = experiment.Settings.WorkerCount * experiment.Settings.WorkerConcurrency * 1000.0 / experiment.Settings.SimulatedDownstreamMs;
        (result.MaxSustainableRate!.Value * jobShare).Should().BeLessThanOrEqualTo(ceiling * 1.15,
            "no configuration sustains more jobs per second than its slots can finish");
        var bracket = (result.FirstBroken!.TargetRate - result.LastSustained!.TargetRate) / result.LastSustained.TargetRate;
        bracket.Should().BeLessThanOrEqualTo(experiment.Plan.Resolution + 1e-9);
        File.ReadAllText(ExperimentFiles.CapacityMarkdown(ExperimentSettings.Directory(tiny: true), "tiny")).Should().Contain("What broke first");
    }

    [Fact(Explicit = true)]
    [Trait(ExperimentTraits.Size, ExperimentTraits.Full)]
    public async Task FullSearchFindsEachConfigurationsCapacity()
    {
        var conclusive = new List<string>();
        foreach (var experiment in ExperimentDefinitions.FullCapacity())
        {
            var report = await experiment.RunAsync(log.Write, TestContext.Current.CancellationToken);
            log.FlushTo(output);
            conclusive.Add($"{report.Configuration}: {report.Result.Outcome}");
        }

        conclusive.Should().AllSatisfy(c => c.Should().EndWith(nameof(CapacityOutcome.Bracketed)),
            "each search should end in a bracket within the resolution (see CAPACITY_<config>.md for what happened)");
    }

    public void Dispose() => log.FlushTo(output);
}
