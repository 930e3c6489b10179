namespace Perf.Statistics.Tests;

public sealed class VerdictRuleTests
{
    private static EffectEstimate Ratio(double low, double high) => new(EffectScale.Ratio, (low + high) / 2, low, high, IntervalSource.WithinRun, "test");

    [Theory]
    [InlineData(1.12, 1.30, MetricDirection.LowerIsBetter, Verdict.Worse)]
    [InlineData(1.12, 1.30, MetricDirection.HigherIsBetter, Verdict.Better)]
    [InlineData(0.70, 0.89, MetricDirection.LowerIsBetter, Verdict.Better)]
    [InlineData(1.05, 1.30, MetricDirection.LowerIsBetter, Verdict.NoDetectableDifference)]
    [InlineData(0.70, 0.95, MetricDirection.HigherIsBetter, Verdict.NoDetectableDifference)]
    [InlineData(1.12, 1.30, MetricDirection.Neither, Verdict.Changed)]
    public void ADifferenceIsCalledOnlyWhenTheWholeIntervalLiesBeyondTheMinimumEffect(double low, double high, MetricDirection direction, Verdict expected)
    {
        VerdictRule.Judge(Ratio(low, high), direction, MinimumEffect.RatioOf(0.10)).Should().Be(expected);
    }

    [Fact]
    public void ANoiseFloorWiderThanTheMinimumEffectRaisesIt()
    {
        var minimum = MinimumEffect.RatioOf(0.10).AtLeast(0.25);

        minimum.Size.Should().Be(0.25);
        VerdictRule.Judge(Ratio(1.12, 1.20), MetricDirection.LowerIsBetter, minimum).Should().Be(Verdict.NoDetectableDifference);
    }

    [Fact]
    public void AMinimumEffectOnAnotherScaleIsRejected()
    {
        var act = () => VerdictRule.Judge(Ratio(1, 2), MetricDirection.LowerIsBetter, MinimumEffect.DifferenceOf(1));

        act.Should().Throw<ArgumentException>().WithMessage("*Difference*Ratio*");
    }

    [Theory]
    [InlineData(0.95, 1.05, true)]
    [InlineData(1 / 1.1, 1.10, true)]
    [InlineData(1.05, 1.30, false)]
    [InlineData(0.70, 0.95, false)]
    public void AnIntervalLiesWithinOnlyWhenBothEndsStayInsideTheMinimumEffect(double low, double high, bool expected)
    {
        VerdictRule.LiesWithin(Ratio(low, high), MinimumEffect.RatioOf(0.10)).Should().Be(expected);
    }

    [Fact]
    public void OnTheDifferenceScaleTheBandIsPlusOrMinusTheMinimumEffect()
    {
        var effect = new EffectEstimate(EffectScale.Difference, 0, -0.4, 0.5, IntervalSource.BetweenRuns, "test");

        VerdictRule.LiesWithin(effect, MinimumEffect.DifferenceOf(0.5)).Should().BeTrue();
        VerdictRule.LiesWithin(effect, MinimumEffect.DifferenceOf(0.45)).Should().BeFalse();
    }
}
