using Perf.Scenarios.Experiments.Attribution;

namespace Perf.Scenarios.Tests.Experiments;

public sealed class MovingBlockBootstrapTests
{
    [Fact]
    public void AnIntervalAroundAKnownShiftContainsItAndExcludesZero()
    {
        var random = new Random(7);
        var low = Enumerable.Range(0, 120).Select(_ => 10 + random.NextDouble() * 2).ToArray();
        var high = low.Select(v => v + 5).Reverse().ToArray();

        var interval = new MovingBlockBootstrap().Estimate([low, high], v => v.Average(), s => s[1] - s[0], 0.95);

        interval.Estimate.Should().BeApproximately(5, 1e-9);
        interval.Low.Should().BeLessThan(5);
        interval.High.Should().BeGreaterThan(5);
        interval.ExcludesZero.Should().BeTrue();
    }

    [Fact]
    public void NoShiftGivesAnIntervalThatIncludesZero()
    {
        var random = new Random(11);
        var a = Enumerable.Range(0, 60).Select(_ => random.NextDouble() * 10).ToArray();
        var b = Enumerable.Range(0, 60).Select(_ => random.NextDouble() * 10).ToArray();

        var interval = new MovingBlockBootstrap().Estimate([a, b], v => v.Average(), s => s[1] - s[0], 0.95);

        interval.ExcludesZero.Should().BeFalse();
    }

    [Fact]
    public void AnEmptySeriesIsRejected()
    {
        var act = () => new MovingBlockBootstrap().Estimate([[1.0], []], v => v.Average(), s => s[1] - s[0], 0.95);

        act.Should().Throw<ArgumentException>().WithMessage("*at least one value*");
    }
}
