using System.Diagnostics;
using Perf.Engine.Profiles;
using Perf.Engine.Scheduling;

namespace Perf.Engine.Running;

/// <summary>
/// The single loop that releases arrivals at their intended times. On Linux it sleeps to each arrival's intended
/// time (<see cref="MonotonicSleep"/>; measured lateness p99 about 0.1 ms at 1,000/s) but wakes at most every
/// 0.5 ms; elsewhere it sleeps in <see cref="Thread.Sleep(int)"/>'s 1 ms steps. Each wake releases every arrival
/// whose time has passed, each stamped with its own intended time, so the rate stays exact, a late release shows
/// as lateness and latency (never as a lower rate), and the thread costs little at high rates. A closed-model phase
/// is handed to <see cref="ClosedPhase"/>, which keeps its users busy while this loop holds the phase's time.
/// </summary>
internal sealed class ArrivalScheduler(RunContext context, int seed, int? maxInFlight)
{
    private static readonly long TicksPerMillisecond = Stopwatch.Frequency / 1000;
    private static readonly long MaxSleepTicks = TicksPerMillisecond * 50;
    private static readonly long MinWakeIntervalTicks = TicksPerMillisecond / 2;
    private volatile int _currentPhase;
    private long _lastWake;

    public int CurrentPhase => _currentPhase;

    public Thread Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "perf-arrival-scheduler" };
        thread.Start();
        return thread;
    }

    private void Run()
    {
        var random = new Random(seed);
        try
        {
            foreach (var phase in context.Phases)
            {
                _currentPhase = phase.Index;
                var completed = phase.Phase.Model == LoadModel.Closed
                    ? new ClosedPhase(context, phase, seed).Run(WaitUntil)
                    : ReleaseArrivals(phase, random);
                if (!completed)
                {
                    return;
                }
            }

            // Hold the last phase open until its end, so a phase's schedule and wall-clock duration agree.
            WaitUntil(context.Phases[^1].EndTimestamp);
        }
        finally
        {
            context.SchedulingFinished();
        }
    }

    private bool ReleaseArrivals(RunPhase phase, Random random)
    {
        var count = PhaseSchedule.ArrivalCount(phase.Phase);
        var cap = EffectiveCap(phase.Phase, maxInFlight);
        for (long n = 0; n < count; n++)
        {
            var intended = phase.StartTimestamp + (long)(PhaseSchedule.ArrivalOffsetSeconds(phase.Phase, n) * Stopwatch.Frequency);
            if (!WaitUntil(intended))
            {
                return false;
            }

            // The scenario is picked either way, so a drop does not shift the seeded mix of the arrivals that follow.
            var scenario = context.Plan.Pick(random);
            if (!context.TryAdmitOpenUser(cap))
            {
                context.Recorder.ArrivalDropped(phase.Index);
                continue;
            }

            context.ArrivalReleased();
            new ArrivalWorkItem(context, scenario, phase.Index, intended).Execute();
        }

        return true;
    }

    /// <summary>The smaller of the phase's <c>maxVusers</c> and the run's cap; null when neither is set.</summary>
    public static int? EffectiveCap(Phase phase, int? runCap) => (phase.MaxVusers, runCap) switch
    {
        ({ } own, { } run) => Math.Min(own, run),
        (var own, var run) => own ?? run,
    };

    private bool WaitUntil(long timestamp)
    {
        while (true)
        {
            if (context.Token.IsCancellationRequested)
            {
                return false;
            }

            var now = Stopwatch.GetTimestamp();
            var remaining = timestamp - now;
            if (remaining <= 0)
            {
                return true;
            }

            if (MonotonicSleep.IsSupported)
            {
                // Straight to the intended time, but never sooner than MinWakeInterval after the last wake: above
                // 2,000 arrivals/s arrivals are released in small batches (each still stamped with its own intended
                // time) instead of one wake each. Slices of at most MaxSleep, so cancellation is noticed.
                var wakeAt = Math.Max(timestamp, _lastWake + MinWakeIntervalTicks);
                MonotonicSleep.Until(Math.Min(wakeAt, now + MaxSleepTicks));
                _lastWake = Stopwatch.GetTimestamp();
                continue;
            }

            // Far away: sleep most of it (capped, to notice cancellation); close: 1 ms steps, the OS timer's grain.
            var milliseconds = remaining / TicksPerMillisecond;
            Thread.Sleep(milliseconds >= 3 ? (int)Math.Min(milliseconds - 1, MaxSleepTicks / TicksPerMillisecond) : 1);
        }
    }
}
