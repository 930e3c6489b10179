using Perf.Reports.Experiments.Attribution;

namespace Perf.Reports.Tests.Experiments;

public sealed class TwoLevelDesignTests
{
    private static readonly TwoLevelDesign Half = TwoLevelDesign.HalfFraction(Knob.Workers, Knob.RedisConf, Knob.Pooling, Knob.Backpressure);

    [Fact]
    public void TheHalfFractionHasEightDistinctRunsIncludingBaselineAndOptimized()
    {
        Half.Runs.Should().HaveCount(8);
        Half.Runs.Select(r => string.Concat(Half.Knobs.Select(k => r.Levels[k] ? '+' : '-'))).Should().OnlyHaveUniqueItems()
            .And.Contain("----").And.Contain("++++");
    }

    [Fact]
    public void MainEffectsAreOrthogonalToEachOtherAndToTheTwoKnobInteractions()
    {
        var columns = Half.Knobs.Select(k => new[] { k })
            .Concat(new[] { new[] { Knob.Workers, Knob.Pooling } })
            .ToList();
        foreach (var a in columns)
        {
            foreach (var b in columns.Where(b => b != a))
            {
                Half.Runs.Sum(r => r.Sign(a) * r.Sign(b)).Should().Be(0, $"{string.Join("×", a)} and {string.Join("×", b)}");
            }
        }
    }

    [Fact]
    public void WorkersTimesPoolingIsNamedWithItsAlias()
    {
        Half.Effects.Should().ContainSingle(e => e.Name == "Workers × Pooling").Which.AliasedWith.Should().Be("RedisConf × Backpressure");
    }
}
