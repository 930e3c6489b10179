using MathNet.Numerics.Distributions;

namespace Perf.Statistics.Tests;

public sealed class RepeatComparisonTests
{
    private static readonly MinimumEffect TenPercent = MinimumEffect.RatioOf(0.10);

    [Fact]
    public void ScaledRunsGiveTheirExactRatioAndARankInterval()
    {
        double[] a = [100, 104, 97, 101, 99];
        var b = a.Select(v => v * 1.2).ToArray();

        var effect = RepeatComparison.Compare(a, b, EffectScale.Ratio);

        effect.Estimate.Should().BeApproximately(1.2, 1e-9);
        effect.Low.Should().BeLessThanOrEqualTo(1.2);
        effect.High.Should().BeGreaterThanOrEqualTo(1.2);
        effect.Source.Should().Be(IntervalSource.BetweenRuns);
        effect.Method.Should().Contain("Mann–Whitney");
        VerdictRule.Judge(effect, MetricDirection.LowerIsBetter, TenPercent).Should().Be(Verdict.Worse);
    }

    [Fact]
    public void AaRepeatsShowNoDetectableDifferenceForAtLeast95PercentOfSeeds()
    {
        const int seeds = 200;
        var calm = Enumerable.Range(0, seeds).Count(seed =>
        {
            var noise = new LogNormal(Math.Log(50), 0.08, new Random(seed));
            var effect = RepeatComparison.Compare(noise.Samples().Take(5).ToArray(), noise.Samples().Take(5).ToArray(), EffectScale.Ratio);
            return VerdictRule.Judge(effect, MetricDirection.LowerIsBetter, TenPercent) == Verdict.NoDetectableDifference;
        });

        calm.Should().BeGreaterThanOrEqualTo(seeds * 95 / 100);
    }

    [Fact]
    public void APlantedTwentyPercentShiftIsFoundWithFiveRepeats()
    {
        const int seeds = 200;
        var found = Enumerable.Range(0, seeds).Count(seed =>
        {
            var noise = new LogNormal(Math.Log(50), 0.03, new Random(seed));
            var a = noise.Samples().Take(5).ToArray();
            var b = noise.Samples().Take(5).Select(v => v * 1.2).ToArray();
            return VerdictRule.Judge(RepeatComparison.Compare(a, b, EffectScale.Ratio), MetricDirection.LowerIsBetter, TenPercent) == Verdict.Worse;
        });

        found.Should().BeGreaterThanOrEqualTo(seeds * 90 / 100);
    }

    [Fact]
    public void ThreeRepeatsFallBackToAWelchIntervalAndSaySo()
    {
        var effect = RepeatComparison.Compare([10, 11, 9], [20, 21, 19], EffectScale.Difference);

        effect.Estimate.Should().Be(10);
        effect.Method.Should().Contain("Welch");
        effect.Low.Should().BeLessThan(10);
        effect.High.Should().BeGreaterThan(10);
    }

    [Fact]
    public void OneRunPerSideGivesNoBetweenRunInterval()
    {
        var effect = RepeatComparison.Compare([10], [30], EffectScale.Ratio);

        effect.Estimate.Should().BeApproximately(3, 1e-9);
        effect.HasInterval.Should().BeFalse();
        effect.Method.Should().Contain("PERF_REPEATS");
    }
}
