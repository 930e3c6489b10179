namespace Perf.Statistics.Tests;

public sealed class LinearTrendTests
{
    [Fact]
    public void ExactLineHasItsSlopeAndANullInterval()
    {
        double[] x = [0, 1, 2, 3, 4];
        var trend = LinearTrend.Fit(x, x.Select(v => 5 + (2 * v)).ToArray());

        trend.Slope.Should().BeApproximately(2, 1e-12);
        trend.Intercept.Should().BeApproximately(5, 1e-12);
        (trend.SlopeHigh - trend.SlopeLow).Should().BeApproximately(0, 1e-9);
    }

    [Fact]
    public void NoisyFlatSeriesHasAnIntervalAroundZeroMatchingTheTextbookValue()
    {
        // y = 10 ± 1 alternating on x = 0..9, by hand: Sxx = 82.5, Sxy = −5, so slope = −5 / 82.5; residual sum of
        // squares = 10 − 5² / 82.5; t(8 degrees of freedom, 0.975) = 2.306004.
        var x = Enumerable.Range(0, 10).Select(i => (double)i).ToArray();
        var y = x.Select(v => 10 + (v % 2 == 0 ? 1.0 : -1.0)).ToArray();
        var trend = LinearTrend.Fit(x, y);

        var slope = -5 / 82.5;
        var halfWidth = 2.306004 * Math.Sqrt((10 - (25 / 82.5)) / 8 / 82.5);
        trend.Slope.Should().BeApproximately(slope, 1e-9);
        trend.SlopeLow.Should().BeApproximately(slope - halfWidth, 1e-5);
        trend.SlopeHigh.Should().BeApproximately(slope + halfWidth, 1e-5);
        trend.SlopeLow.Should().BeLessThan(0);
        trend.SlopeHigh.Should().BeGreaterThan(0);
    }

    [Fact]
    public void TooFewPointsIsAClearError()
    {
        var act = () => LinearTrend.Fit([1, 2], [1, 2]);
        act.Should().Throw<ArgumentException>().WithMessage("*at least 3 points, got 2*");
    }
}
