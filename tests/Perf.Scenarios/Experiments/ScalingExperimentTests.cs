using Perf.Reports.Experiments;

namespace Perf.Scenarios.Experiments;

[Collection(ExperimentLog.Name)]
[Trait(TestTraits.Category, ExperimentTraits.Scaling)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class ScalingExperimentTests(ExperimentLog log, ITestOutputHelper output) : IDisposable
{
    [Fact]
    [Trait(ExperimentTraits.Size, ExperimentTraits.Tiny)]
    public async Task TinyCurveStaysUnderTheIoCeilingAndIsFitted()
    {
        var experiment = ExperimentDefinitions.TinyScaling();
        var result = await experiment.RunAsync(log.Write, TestContext.Current.CancellationToken);

        result.Points.Select(p => p.Workers).Should().Equal(experiment.Plan.WorkerCounts);
        result.Points.Should().AllSatisfy(p => p.JobsPerSecond.Should().BeInRange(0.01, p.IoCeiling * 1.15,
            $"{p.Workers} worker(s) with {p.Concurrency} slot(s) of {p.DownstreamMs} ms cannot finish more than {p.IoCeiling:0} jobs/s"));
        result.Points[^1].JobsPerSecond.Should().BeGreaterThan(result.Points[0].JobsPerSecond,
            "three I/O-bound workers on an idle API outrun one when the cores are not the limit at these rates");
        result.Fit.Should().NotBeNull(result.FitProblem);
        File.Exists(ExperimentFiles.ScalingMarkdown(ExperimentSettings.Directory(tiny: true))).Should().BeTrue();
    }

    [Fact(Explicit = true)]
    [Trait(ExperimentTraits.Size, ExperimentTraits.Full)]
    public async Task FullCurveIsMeasuredAndFitted()
    {
        var result = await ExperimentDefinitions.FullScaling().RunAsync(log.Write, TestContext.Current.CancellationToken);

        result.Fit.Should().NotBeNull(result.FitProblem);
    }

    public void Dispose() => log.FlushTo(output);
}
