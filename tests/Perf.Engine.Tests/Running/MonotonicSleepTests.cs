using System.Diagnostics;
using Perf.Engine.Running;

namespace Perf.Engine.Tests.Running;

public class MonotonicSleepTests
{
    [Fact]
    public void IsUsedOnLinux()
    {
        // The scheduler's precision rests on it; if the runtime's Stopwatch ever stopped being CLOCK_MONOTONIC in
        // nanoseconds, the engine would silently fall back to 1 ms steps, and this says so.
        MonotonicSleep.IsSupported.Should().Be(OperatingSystem.IsLinux());
    }

    [Fact]
    public void NeverReturnsBeforeTheDeadline()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs Linux (clock_nanosleep on CLOCK_MONOTONIC)");
        // Deadlines from 50 µs to 3 ms ahead, the range the scheduler asks for between arrivals.
        foreach (var microseconds in new[] { 50, 200, 700, 1_000, 3_000 })
        {
            var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * microseconds / 1_000_000);
            MonotonicSleep.Until(deadline);
            Stopwatch.GetTimestamp().Should().BeGreaterThanOrEqualTo(deadline, $"a sleep to {microseconds} µs ahead ended early");
        }
    }
}
