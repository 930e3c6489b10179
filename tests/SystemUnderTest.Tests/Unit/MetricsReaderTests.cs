using StackExchange.Redis;
using SystemUnderTest.Api;

namespace SystemUnderTest.Tests.Unit;

public sealed class MetricsReaderTests
{
    [Fact]
    public void NoSamplesGiveZeroPercentiles() =>
        MetricsReader.Percentiles([]).Should().Be(new SystemUnderTest.Jobs.LatencyPercentiles(0, 0, 0, 0, 0));

    [Fact]
    public void PercentilesUseNearestRankOverUnsortedSamples()
    {
        var samples = Enumerable.Range(1, 100).Reverse().Select(i => (RedisValue)i).ToArray();

        var result = MetricsReader.Percentiles(samples);

        (result.Count, result.P50, result.P95, result.P99, result.Max).Should().Be((100L, 50.0, 95.0, 99.0, 100.0));
    }
}
