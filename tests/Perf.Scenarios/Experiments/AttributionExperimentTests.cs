using Perf.Reports.Experiments;

namespace Perf.Scenarios.Experiments;

[Collection(ExperimentLog.Name)]
[Trait(TestTraits.Category, ExperimentTraits.Attribution)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class AttributionExperimentTests(ExperimentLog log, ITestOutputHelper output) : IDisposable
{
    [Fact]
    [Trait(ExperimentTraits.Size, ExperimentTraits.Tiny)]
    public async Task TinyDesignGivesEveryEffectAnIntervalOrItsReasonAndLosesNoJobs()
    {
        var experiment = ExperimentDefinitions.TinyAttribution();
        var result = await experiment.RunAsync(log.Write, TestContext.Current.CancellationToken);

        result.Runs.Should().HaveCount(experiment.Design.Runs.Count);
        result.Runs.Should().AllSatisfy(r => r.JobsLost.Should().Be(0, $"{r.Run.Name} must not lose accepted jobs"));
        result.Effects.Select(e => e.Effect).Distinct().Should().BeEquivalentTo(experiment.Design.Effects.Select(e => e.Name));
        result.Effects.Should().AllSatisfy(e => (e.Interval.HasInterval ? e.Interval.Low <= e.Interval.High : e.Interval.Method.StartsWith("no interval", StringComparison.Ordinal))
            .Should().BeTrue($"{e.Effect} on {e.Metric} has an ordered interval or says why it has none ({e.Interval.Method})"));
        var markdown = File.ReadAllText(ExperimentFiles.AttributionMarkdown(ExperimentSettings.Directory(tiny: true), "smoke"));
        markdown.Should().Contain("Knob → effect").And.Contain("Workers × Backpressure");
    }

    [Fact(Explicit = true)]
    [Trait(ExperimentTraits.Size, ExperimentTraits.Full)]
    public async Task FullDesignEstimatesEveryKnob()
    {
        var experiment = ExperimentDefinitions.FullAttribution();
        var result = await experiment.RunAsync(log.Write, TestContext.Current.CancellationToken);

        result.Runs.Should().AllSatisfy(r => r.JobsLost.Should().Be(0, $"{r.Run.Name} must not lose accepted jobs"));
        result.Effects.Select(e => e.Effect).Distinct().Should().HaveCount(experiment.Design.Effects.Count);
    }

    public void Dispose() => log.FlushTo(output);
}
