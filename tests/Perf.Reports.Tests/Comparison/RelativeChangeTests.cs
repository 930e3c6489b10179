using Perf.Reports.Comparison;

namespace Perf.Reports.Tests.Comparison;

public sealed class RelativeChangeTests
{
    [Theory]
    [InlineData(100, 60, MetricDirection.LowerIsBetter, "▼ -40.0 % better")]
    [InlineData(100, 125, MetricDirection.LowerIsBetter, "▲ +25.0 % worse")]
    [InlineData(200, 300, MetricDirection.HigherIsBetter, "▲ +50.0 % better")]
    [InlineData(200, 300, MetricDirection.Neither, "▲ +50.0 %")]
    [InlineData(5, 5, MetricDirection.LowerIsBetter, "no change")]
    [InlineData(0, 0, MetricDirection.LowerIsBetter, "no change")]
    [InlineData(0, 12, MetricDirection.LowerIsBetter, "▲ from 0 to 12 worse")]
    [InlineData(0, 12, MetricDirection.Neither, "▲ from 0 to 12")]
    [InlineData(44364, 0, MetricDirection.LowerIsBetter, "▼ from 44,364 to 0 better")]
    [InlineData(380, 0, MetricDirection.HigherIsBetter, "▼ from 380 to 0 worse")]
    [InlineData(114944, 23, MetricDirection.LowerIsBetter, "▼ ×5,000 lower better")]
    [InlineData(4.7, 47, MetricDirection.Neither, "▲ ×10 higher")]
    [InlineData(4.7, 46, MetricDirection.Neither, "▲ +878.7 %")]
    public void ChangeIsRelativeToBaselineWithItsDirection(double baseline, double optimized, MetricDirection direction, string expected)
    {
        RelativeChange.Describe(baseline, optimized, direction).Should().Be(expected);
    }

    [Fact]
    public void MissingValueHasNoChange()
    {
        RelativeChange.Describe(null, 3, MetricDirection.LowerIsBetter).Should().Be("n/a");
        RelativeChange.Percent(10, null).Should().BeNull();
    }
}
