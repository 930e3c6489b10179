using HdrHistogram;
using StackExchange.Redis;
using SystemUnderTest.Contracts;
using SystemUnderTest.Metrics;

namespace SystemUnderTest.Tests.Unit;

public sealed class JobLatencyHistogramTests
{
    [Fact]
    public void NoBucketsGiveZeroPercentiles() =>
        JobLatencyHistogram.Read([]).Should().Be(new LatencyPercentiles(0, 0, 0, 0, 0));

    [Fact]
    public void BucketsReadBackAsTheSamePercentilesAsAnHdrHistogramOfTheRawValues()
    {
        var latencies = Enumerable.Range(0, 5_000).Select(i => (long)((i * 7919L) % 120_000)).ToArray();
        var reference = new LongHistogram(JobLatencyLayout.HighestTrackableMs, JobLatencyLayout.SignificantDigits);
        foreach (var latency in latencies)
        {
            reference.RecordValue(latency);
        }

        var result = JobLatencyHistogram.Read(ToHash(latencies));

        result.Count.Should().Be(5_000);
        result.P50.Should().Be(reference.MedianEquivalentValue(reference.GetValueAtPercentile(50)));
        result.P95.Should().Be(reference.MedianEquivalentValue(reference.GetValueAtPercentile(95)));
        result.P99.Should().Be(reference.MedianEquivalentValue(reference.GetValueAtPercentile(99)));
        result.Max.Should().Be(latencies.Max());
    }

    [Fact]
    public void PercentilesOfOneValueAreThatValueUpToTheExactMax()
    {
        var result = JobLatencyHistogram.Read(ToHash([1234, 1234, 1234]));

        (result.Count, result.Max).Should().Be((3L, 1234.0));
        result.P99.Should().BeInRange(1234 * 0.99, 1234);
    }

    [Fact]
    public void LatenciesAboveTheTrackableRangeAreCountedInTheLastBucket()
    {
        var result = JobLatencyHistogram.Read(ToHash([5, JobLatencyLayout.HighestTrackableMs * 10]));

        result.Count.Should().Be(2);
    }

    /// <summary>The hash the outcome script builds: one HINCRBY per latency on its bucket field, and the max.</summary>
    private static HashEntry[] ToHash(long[] latencies) =>
        [
            .. latencies.GroupBy(JobLatencyLayout.FieldOf).Select(g => new HashEntry(g.Key, g.LongCount())),
            new HashEntry(JobLatencyLayout.MaxField, latencies.Max()),
        ];
}
