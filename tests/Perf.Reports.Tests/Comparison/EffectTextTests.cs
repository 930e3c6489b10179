using Perf.Reports.Comparison;

namespace Perf.Reports.Tests.Comparison;

public sealed class EffectTextTests
{
    [Theory]
    [InlineData(1.2, "+20.0 %")]
    [InlineData(0.6, "−40.0 %")]
    [InlineData(3.33, "×3.33 higher")]
    [InlineData(1 / 3214.0, "×3,210 lower")]
    [InlineData(45.6, "×45.6 higher")]
    [InlineData(1.0, "0.0 %")]
    public void RatiosBeyondTwofoldAreFactorsNotPercentages(double ratio, string expected)
    {
        EffectText.Effect(ratio, EffectScale.Ratio, "ms").Should().Be(expected);
    }

    [Fact]
    public void ErrorRateDifferencesAreInPercentagePoints()
    {
        EffectText.Effect(0.4, EffectScale.Difference, "%").Should().Be("+0.40 points");
        EffectText.Interval(-0.1, 0.9, EffectScale.Difference, "%").Should().Be("−0.10 points to +0.90 points");
        EffectText.Interval(null, null, EffectScale.Ratio, "ms").Should().Be("no interval");
    }

    [Fact]
    public void AnIntervalReachingBeyondTwofoldIsWrittenInFactorsAtBothEnds()
    {
        EffectText.Interval(1.133, 3.35, EffectScale.Ratio, "ms").Should().Be("×1.13 higher to ×3.35 higher");
        EffectText.Interval(0.9, 1.2, EffectScale.Ratio, "ms").Should().Be("−10.0 % to +20.0 %");
    }

    [Theory]
    [InlineData(44364.0, 0.0, "jobs", "from 44,364.0 jobs to 0 jobs")]
    [InlineData(0.0, 12.0, "jobs", "from 0 jobs to 12.0 jobs")]
    [InlineData(116_500.0, 0.0, "ms", "from 116.5 s to 0 ms")]
    [InlineData(0.0, 0.0, "MB", "no change (0 on both sides)")]
    public void ARatioAgainstAZeroValueNamesBothValuesInsteadOfAFactor(double a, double b, string unit, string expected)
    {
        var ratio = BlockBootstrap.Effect(a, b, EffectScale.Ratio);

        EffectText.Effect(ratio, EffectScale.Ratio, unit, a, b).Should().Be(expected);
    }

    [Fact]
    public void EveryHeadlineMetricWithASideAtZeroReadsWithoutAFactorOfZero()
    {
        foreach (var metric in HeadlineMetrics.All.Where(m => m.Scale == EffectScale.Ratio))
        {
            EffectText.Effect(0, metric.Scale, metric.Unit, 250, 0).Should().StartWith("from ").And.EndWith($"to 0 {metric.Unit}", metric.Name);
        }

        EffectText.Effect(0, EffectScale.Ratio, "jobs").Should().Be("down to 0");
        EffectText.Interval(0, 0.25, EffectScale.Ratio, "jobs").Should().Be("ratio 0 to ×4 lower");
    }
}
