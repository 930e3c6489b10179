using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Perf.Engine.Running;

/// <summary>
/// Sleeps until an absolute <see cref="Stopwatch"/> timestamp with Linux's <c>clock_nanosleep(CLOCK_MONOTONIC,
/// TIMER_ABSTIME)</c>. <see cref="Thread.Sleep(int)"/> only takes whole milliseconds (so a scheduler using it wakes in
/// 1 ms steps and releases an arrival up to a step late) and goes through a condition variable whose mutex costs
/// one more system call per wake; this is one system call that ends at the arrival's intended time. Not in any
/// served library, hence written here. Elsewhere (or if the clocks disagree) <see cref="IsSupported"/> is false.
/// </summary>
internal static partial class MonotonicSleep
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsoluteTime = 1;
    private const long NanosecondsPerSecond = 1_000_000_000;

    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && Stopwatch.Frequency == NanosecondsPerSecond && StopwatchUsesMonotonicClock();

    /// <summary>Returns at or just after <paramref name="stopwatchTimestamp"/> (or at once if it has passed).</summary>
    public static void Until(long stopwatchTimestamp)
    {
        var deadline = new TimeSpec { Seconds = stopwatchTimestamp / NanosecondsPerSecond, Nanoseconds = stopwatchTimestamp % NanosecondsPerSecond };

        // A signal interrupts the sleep (EINTR); the caller's loop checks the time again, so the result is not needed.
        _ = ClockNanosleep(ClockMonotonic, TimerAbsoluteTime, ref deadline, IntPtr.Zero);
    }

    private static bool StopwatchUsesMonotonicClock()
    {
        try
        {
            var before = Stopwatch.GetTimestamp();
            _ = ClockGetTime(ClockMonotonic, out var now);
            var after = Stopwatch.GetTimestamp();
            var monotonic = (now.Seconds * NanosecondsPerSecond) + now.Nanoseconds;
            return monotonic >= before && monotonic <= after;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, ref TimeSpec request, IntPtr remaining);

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
