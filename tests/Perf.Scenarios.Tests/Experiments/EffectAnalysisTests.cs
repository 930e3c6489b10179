using Perf.Reports.Experiments.Attribution;
using Perf.Scenarios.Experiments.Attribution;

namespace Perf.Scenarios.Tests.Experiments;

public sealed class EffectAnalysisTests
{
    private static readonly TwoLevelDesign Design = TwoLevelDesign.FullFactorial(Knob.Workers, Knob.Backpressure);
    private static readonly AttributionMetric P99 = AttributionMetric.Headline.Single(m => m.Key == "http-p99");

    [Fact]
    public void APlantedWorkersEffectIsFoundAndTheOtherColumnsShowNone()
    {
        // Workers high lowers p99 from about 100 ms to about 70 ms; backpressure does nothing.
        var runs = Runs(run => run.Levels[Knob.Workers] ? 70 : 100);

        var effects = EffectAnalysis.Estimate(Design, runs, new BlockBootstrap(), [P99]);

        var workers = effects.Single(e => e.Effect == "Workers");
        workers.Interval.Estimate.Should().BeApproximately(-30, 3);
        workers.Interval.Source.Should().Be(IntervalSource.WithinRun);
        workers.Verdict.Should().Be(Verdict.Better);
        workers.VerdictText.Should().Be("helps");
        effects.Where(e => e.Effect != "Workers").Should().AllSatisfy(e => e.Verdict.Should().Be(Verdict.NoDetectableDifference, e.Effect));
    }

    [Fact]
    public void ContrastIsTheMeanAtHighMinusTheMeanAtLow()
    {
        EffectAnalysis.Contrast([10, 14, 20, 30], [-1, -1, 1, 1]).Should().Be(13);
    }

    [Fact]
    public void AnAaLikeDesignGivesNoDetectableEffect()
    {
        var runs = Runs(_ => 100);

        var effects = EffectAnalysis.Estimate(Design, runs, new BlockBootstrap(), [P99]);

        effects.Should().HaveCount(Design.Effects.Count).And.AllSatisfy(e => e.Verdict.Should().Be(Verdict.NoDetectableDifference, e.Effect));
    }

    [Fact]
    public void AHigherIsBetterMetricThatDropsHurts()
    {
        var throughput = AttributionMetric.Headline.Single(m => m.Key == "job-throughput");
        var runs = Runs(run => run.Levels[Knob.Backpressure] ? 400 : 500);

        var effects = EffectAnalysis.Estimate(Design, runs, new BlockBootstrap(), [throughput]);

        effects.Single(e => e.Effect == "Backpressure").Verdict.Should().Be(Verdict.Worse);
    }

    [Fact]
    public void SeriesTooShortForABootstrapGiveAnEstimateWithoutAVerdict()
    {
        var runs = Runs(run => run.Levels[Knob.Workers] ? 70 : 100, seconds: 3);

        var workers = EffectAnalysis.Estimate(Design, runs, new BlockBootstrap(), [P99]).Single(e => e.Effect == "Workers");

        workers.Interval.HasInterval.Should().BeFalse();
        workers.Verdict.Should().Be(Verdict.NotEstimated);
        workers.VerdictText.Should().Contain("at least 8");
    }

    /// <summary>One run per design point; its per-second p99 is the given level plus noise of ±10 %.</summary>
    private static List<RunSeries> Runs(Func<DesignRun, double> level, int seconds = 40) =>
        Design.Runs.Select(run =>
        {
            var random = new Random(run.Index + 1);
            var values = Enumerable.Range(0, seconds).Select(_ => level(run) * (0.9 + 0.2 * random.NextDouble())).ToArray();
            return new RunSeries
            {
                Run = run,
                HttpP99Ms = values,
                HttpP50Ms = values,
                ErrorPercent = new double[seconds],
                Backlog = new double[seconds],
                ProcessedPerSecond = values,
                JobLatencyMs = values,
                TotalHttpP99Ms = values.Max(),
                TotalErrorRatePercent = 0,
                JobsAccepted = 0,
                JobsLost = 0,
                JobP95Ms = null,
                SustainedRate = 0,
                AchievedRate = 0,
                WallSeconds = 0,
            };
        }).ToList();
}
