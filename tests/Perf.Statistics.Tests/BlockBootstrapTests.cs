namespace Perf.Statistics.Tests;

public sealed class BlockBootstrapTests
{
    private const int Seeds = 200;
    private static readonly MinimumEffect FivePercent = MinimumEffect.RatioOf(0.05);

    [Fact]
    public void AnAaPairShowsNoDetectableDifferenceForAtLeast95PercentOfSeeds()
    {
        var calm = Enumerable.Range(0, Seeds).Count(seed =>
        {
            var (a, b) = (SyntheticSeries.Independent(60, 100, 20, seed), SyntheticSeries.Independent(60, 100, 20, seed + 10_000));
            var effect = new BlockBootstrap(1000, seed).Compare(new PerSecondSeries(a), new PerSecondSeries(b), EffectScale.Ratio);
            return VerdictRule.Judge(effect, MetricDirection.LowerIsBetter, FivePercent) == Verdict.NoDetectableDifference;
        });

        calm.Should().BeGreaterThanOrEqualTo(Seeds * 95 / 100);
    }

    [Fact]
    public void APlantedTwentyPercentIncreaseIsFoundAndCovered()
    {
        var (found, covered) = (0, 0);
        for (var seed = 0; seed < Seeds; seed++)
        {
            var (a, b) = (SyntheticSeries.Independent(60, 100, 20, seed), SyntheticSeries.Independent(60, 120, 24, seed + 10_000));
            var effect = new BlockBootstrap(1000, seed).Compare(new PerSecondSeries(a), new PerSecondSeries(b), EffectScale.Ratio);
            found += VerdictRule.Judge(effect, MetricDirection.LowerIsBetter, FivePercent) == Verdict.Worse ? 1 : 0;
            covered += effect.Low <= 1.2 && 1.2 <= effect.High ? 1 : 0;
        }

        found.Should().BeGreaterThanOrEqualTo(Seeds * 95 / 100, "a 20 % increase is four times the 5 % minimum effect");
        covered.Should().BeGreaterThanOrEqualTo(Seeds * 90 / 100, "the interval should hold the planted ratio about 95 % of the time");
    }

    [Fact]
    public void APlantedIncreaseOfAHigherIsBetterMetricIsBetter()
    {
        var (a, b) = (SyntheticSeries.Independent(60, 100, 5, 1), SyntheticSeries.Independent(60, 120, 6, 2));

        var effect = new BlockBootstrap().Compare(new PerSecondSeries(a), new PerSecondSeries(b), EffectScale.Ratio);

        VerdictRule.Judge(effect, MetricDirection.HigherIsBetter, FivePercent).Should().Be(Verdict.Better);
        effect.Estimate.Should().BeApproximately(1.2, 0.03);
        effect.Source.Should().Be(IntervalSource.WithinRun);
    }

    [Fact]
    public void AutocorrelatedSeriesKeepTheirCoverageWithBlocksButNotWithSingleSeconds()
    {
        int Coverage(int? blockLength) => Enumerable.Range(0, Seeds).Count(seed =>
        {
            var a = SyntheticSeries.Ar1(120, 100, 20, 0.5, seed);
            var b = SyntheticSeries.Ar1(120, 100, 20, 0.5, seed + 10_000);
            var effect = new BlockBootstrap(1000, seed).Compare(new PerSecondSeries(a), new PerSecondSeries(b), EffectScale.Ratio, blockLength);
            return effect.Low <= 1 && 1 <= effect.High;
        });

        var withBlocks = Coverage(null);
        var withSingleSeconds = Coverage(1);

        withBlocks.Should().BeGreaterThanOrEqualTo(Seeds * 88 / 100, "blocks keep the dependence of neighbouring seconds");
        withSingleSeconds.Should().BeLessThan(withBlocks - (Seeds / 10), "resampling single seconds of an AR(1) series understates the spread");
    }

    [Fact]
    public void ErrorRatesWeightedByRequestsCompareAsADifferenceOfWholeWindowRates()
    {
        // a: 1 % of 100 requests each second; b: 2 % of 50 requests, then 4 % of 150. Whole-window rates 1 % and 3.5 %.
        var a = new PerSecondSeries(Enumerable.Repeat(1.0, 30).ToArray(), Enumerable.Repeat(100.0, 30).ToArray());
        var b = new PerSecondSeries(
            Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? 2.0 : 4.0).ToArray(), Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? 50.0 : 150.0).ToArray());

        var effect = new BlockBootstrap().Compare(a, b, EffectScale.Difference);

        effect.Estimate.Should().BeApproximately(2.5, 1e-9);
        effect.Low.Should().BeGreaterThan(0);
        VerdictRule.Judge(effect, MetricDirection.LowerIsBetter, MinimumEffect.DifferenceOf(0.5)).Should().Be(Verdict.Worse);
    }

    [Fact]
    public void TooFewSecondsGiveAnEstimateWithoutAnInterval()
    {
        var effect = new BlockBootstrap().Compare(new PerSecondSeries([1, 2, 3]), new PerSecondSeries([2, 4, 6]), EffectScale.Ratio);

        effect.Estimate.Should().Be(2);
        effect.HasInterval.Should().BeFalse();
        effect.Method.Should().Contain("at least 8");
        VerdictRule.Judge(effect, MetricDirection.LowerIsBetter, FivePercent).Should().Be(Verdict.NotEstimated);
    }

    [Fact]
    public void AZeroBaselineGivesNoRatio()
    {
        var effect = new BlockBootstrap().Compare(new PerSecondSeries(new double[20]), new PerSecondSeries(Enumerable.Repeat(5.0, 20).ToArray()), EffectScale.Ratio);

        effect.HasInterval.Should().BeFalse();
        effect.Method.Should().Contain("zero");
    }

    [Fact]
    public void BlocksGrowWithAutocorrelation()
    {
        var independent = BlockBootstrap.ChooseBlockLength(SyntheticSeries.Independent(200, 0, 1, 3));
        var dependent = BlockBootstrap.ChooseBlockLength(SyntheticSeries.Ar1(200, 0, 1, 0.9, 3));

        independent.Should().BeLessThanOrEqualTo(2);
        dependent.Should().BeGreaterThan(independent + 5);
    }

    [Fact]
    public void ACombinedContrastOfAaRunsShowsNoDetectableDifferenceForAtLeast95PercentOfSeeds()
    {
        var calm = Enumerable.Range(0, Seeds).Count(seed =>
        {
            IReadOnlyList<double>[] runs = [.. Enumerable.Range(0, 4).Select(r => SyntheticSeries.Independent(40, 100, 20, seed * 10 + r))];
            var effect = new BlockBootstrap(500, seed).Combine(runs, v => v.Average(), s => (s[2] + s[3] - s[0] - s[1]) / 2);
            return VerdictRule.Judge(effect, MetricDirection.LowerIsBetter, MinimumEffect.DifferenceOf(5)) == Verdict.NoDetectableDifference;
        });

        calm.Should().BeGreaterThanOrEqualTo(Seeds * 95 / 100);
    }

    [Fact]
    public void ACombinedContrastFindsAPlantedShiftOfTheHighRuns()
    {
        IReadOnlyList<double>[] runs =
        [
            SyntheticSeries.Ar1(60, 100, 10, 0.5, 1), SyntheticSeries.Ar1(60, 100, 10, 0.5, 2),
            SyntheticSeries.Ar1(60, 120, 10, 0.5, 3), SyntheticSeries.Ar1(60, 120, 10, 0.5, 4),
        ];

        var effect = new BlockBootstrap().Combine(runs, v => v.Average(), s => (s[2] + s[3] - s[0] - s[1]) / 2);

        effect.Scale.Should().Be(EffectScale.Difference);
        effect.Source.Should().Be(IntervalSource.WithinRun);
        effect.Low.Should().BeLessThan(20).And.BeGreaterThan(5);
        effect.High.Should().BeGreaterThan(20);
        VerdictRule.Judge(effect, MetricDirection.LowerIsBetter, MinimumEffect.DifferenceOf(5)).Should().Be(Verdict.Worse);
    }

    [Fact]
    public void ACombinedContrastRejectsAnEmptySeries()
    {
        var act = () => new BlockBootstrap().Combine([[1.0, 2.0], []], v => v.Average(), s => s[1] - s[0]);

        act.Should().Throw<ArgumentException>().WithMessage("*at least one value*");
    }
}
