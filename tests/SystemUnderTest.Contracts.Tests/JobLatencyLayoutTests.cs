namespace SystemUnderTest.Contracts.Tests;

/// <summary>The bucket layout both the system (which writes the buckets) and the suite (which reads them) rely on.</summary>
public sealed class JobLatencyLayoutTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(1_000)]
    [InlineData(116_500)]
    public void EveryLatencyLandsInABucketWithinOnePercentBelowIt(long latency)
    {
        var bucket = JobLatencyLayout.BucketOf(latency);

        bucket.Should().BeLessThanOrEqualTo(latency);
        (latency - bucket).Should().BeLessThanOrEqualTo(latency / 100);
    }

    [Fact]
    public void LatenciesAboveTheTrackableRangeShareTheLastBucket() =>
        JobLatencyLayout.BucketOf(JobLatencyLayout.HighestTrackableMs * 10).Should().Be(JobLatencyLayout.BucketOf(JobLatencyLayout.HighestTrackableMs));

    [Fact]
    public void TheFieldOfALatencyIsItsBucketInInvariantDigits() =>
        JobLatencyLayout.FieldOf(116_500).Should().Be(JobLatencyLayout.BucketOf(116_500).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
