using Perf.Fixtures.Metrics;

namespace Perf.Fixtures.Tests;

public sealed class JobLatencyBucketsTests
{
    [Fact]
    public void BetweenTwoSnapshotsGivesOnlyTheJobsStoredInBetween()
    {
        var before = new Dictionary<long, long> { [20] = 5, [21] = 3 };
        var after = new Dictionary<long, long> { [20] = 7, [21] = 3, [400] = 1 };

        JobLatencyBuckets.Between(before, after).Should().BeEquivalentTo(new Dictionary<long, long> { [20] = 2, [400] = 1 });
    }

    [Fact]
    public void PercentileIsTheNearestRankOverBucketValues()
    {
        var buckets = new Dictionary<long, long> { [900] = 1, [10] = 94, [50] = 3, [30] = 1 };

        JobLatencyBuckets.Percentile(buckets, 50).Should().Be(10);
        JobLatencyBuckets.Percentile(buckets, 95).Should().Be(30, "of 99 jobs the 95th percentile is the 95th job (rank rounded up), in bucket 30");
        JobLatencyBuckets.Percentile(buckets, 99).Should().Be(900);
        JobLatencyBuckets.Percentile(buckets, 100).Should().Be(900);
    }

    [Fact]
    public void NoJobsGiveNoPercentile() =>
        JobLatencyBuckets.Percentile(JobLatencyBuckets.Empty, 95).Should().BeNull();
}
