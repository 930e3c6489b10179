using Perf.Engine.Profiles;
using Perf.Engine.Scheduling;
using Perf.Engine.Tests.Infrastructure;

namespace Perf.Engine.Tests.Scheduling;

public class PhaseScheduleTests
{
    [Theory]
    [InlineData(30, 10, null, 300)]
    [InlineData(60, 10, 100.0, 3300)]
    [InlineData(120, 1000, null, 120_000)]
    [InlineData(30, 50, null, 1500)]
    [InlineData(10, 0, 20.0, 100)]
    [InlineData(10, 20, 0.0, 100)]
    [InlineData(1.5, 3, null, 5)]
    public void ArrivalCountIsTheIntegralOfTheRate(double seconds, double rate, double? rampTo, long expected)
    {
        var phase = new Phase("p", TimeSpan.FromSeconds(seconds), rate, rampTo);

        PhaseSchedule.ArrivalCount(phase).Should().Be(expected);
    }

    [Theory]
    [InlineData(10, 100.0)]
    [InlineData(100, 10.0)]
    [InlineData(0, 50.0)]
    [InlineData(40, null)]
    public void RampPhaseReachesTargetRate(double rate, double? rampTo)
    {
        var phase = new Phase("ramp", TimeSpan.FromSeconds(60), rate, rampTo);
        var count = PhaseSchedule.ArrivalCount(phase);
        var times = Enumerable.Range(0, (int)count).Select(n => PhaseSchedule.ArrivalOffsetSeconds(phase, n)).ToArray();

        times.Should().BeInAscendingOrder();
        times[0].Should().Be(0);
        times[^1].Should().BeLessThan(60);
        for (var n = 0; n < count; n += 97)
        {
            PhaseSchedule.CumulativeArrivals(phase, times[n]).Should().BeApproximately(n, 1e-6);
        }

        // The local rate over the last 5 s is close to the end rate, over the first 5 s close to the start rate.
        var lastFive = times.Count(t => t >= 55);
        var firstFive = times.Count(t => t < 5);
        lastFive.Should().BeCloseTo((int)Math.Round(5 * (phase.EndRate - ((phase.EndRate - rate) * 2.5 / 60))), 1);
        firstFive.Should().BeCloseTo((int)Math.Round(5 * (rate + ((phase.EndRate - rate) * 2.5 / 60))), 1);
    }

    [Fact]
    public void RateAtInterpolatesLinearly()
    {
        var phase = new Phase("ramp", TimeSpan.FromSeconds(60), 10, 100);

        PhaseSchedule.RateAt(phase, 0).Should().Be(10);
        PhaseSchedule.RateAt(phase, 30).Should().Be(55);
        PhaseSchedule.RateAt(phase, 60).Should().Be(100);
        PhaseSchedule.MeanRate(phase).Should().Be(55);
    }

    [Fact]
    public void TimeScaledOneKProfileSchedulesAScaledNumberOfArrivals()
    {
        var profile = ProfileLoader.Load(ShippedProfiles.PathOf("artillery-1k.yml"), new ProfileOverrides { TimeScale = 0.1 });

        profile.Phases.Sum(PhaseSchedule.ArrivalCount).Should().Be(30 + 330 + 12_000 + 150);
    }
}
