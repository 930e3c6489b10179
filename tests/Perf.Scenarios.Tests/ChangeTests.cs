namespace Perf.Scenarios.Tests;

public sealed class ChangeTests
{
    [Theory]
    [InlineData(100, 60, Better.Lower, "▼ -40.0 % better")]
    [InlineData(100, 125, Better.Lower, "▲ +25.0 % worse")]
    [InlineData(200, 300, Better.Higher, "▲ +50.0 % better")]
    [InlineData(200, 300, Better.Neither, "▲ +50.0 %")]
    [InlineData(5, 5, Better.Lower, "no change")]
    [InlineData(0, 0, Better.Lower, "no change")]
    [InlineData(0, 12, Better.Lower, "▲ from 0 worse")]
    [InlineData(0, 12, Better.Neither, "▲ from 0")]
    public void ChangeIsRelativeToBaselineWithItsDirection(double baseline, double optimized, Better better, string expected)
    {
        Change.Describe(baseline, optimized, better).Should().Be(expected);
    }

    [Fact]
    public void MissingValueHasNoChange()
    {
        Change.Describe(null, 3, Better.Lower).Should().Be("n/a");
        Change.Percent(10, null).Should().BeNull();
    }
}
