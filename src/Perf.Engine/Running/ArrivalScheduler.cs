using System.Diagnostics;
using Perf.Engine.Scheduling;
using Perf.Engine.Stats;

namespace Perf.Engine.Running;

/// <summary>
/// The single loop that releases arrivals at their intended times. It sleeps in 1 ms steps (longer when the next
/// arrival is far) and on each wake releases every arrival whose time has passed, each stamped with its own
/// intended time, so the rate stays exact while the thread costs little at low rates.
/// </summary>
internal sealed class ArrivalScheduler(RunContext context, IReadOnlyList<PhaseRecorder> phases, int seed)
{
    private static readonly long TicksPerMillisecond = Stopwatch.Frequency / 1000;
    private volatile int _currentPhase;

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
            foreach (var phase in phases)
            {
                _currentPhase = phase.Index;
                var count = PhaseSchedule.ArrivalCount(phase.Phase);
                for (long n = 0; n < count; n++)
                {
                    var intended = phase.StartTimestamp + (long)(PhaseSchedule.ArrivalOffsetSeconds(phase.Phase, n) * Stopwatch.Frequency);
                    if (!WaitUntil(intended))
                    {
                        return;
                    }

                    context.ArrivalReleased();
                    new ArrivalWorkItem(context, context.Plan.Pick(random), phase, intended).Execute();
                }
            }

            // Hold the last phase open until its end, so a phase's schedule and wall-clock duration agree.
            var end = phases[^1].StartTimestamp + (long)(phases[^1].Phase.Duration.TotalSeconds * Stopwatch.Frequency);
            WaitUntil(end);
        }
        finally
        {
            context.SchedulingFinished();
        }
    }

    private bool WaitUntil(long timestamp)
    {
        while (true)
        {
            if (context.Token.IsCancellationRequested)
            {
                return false;
            }

            var remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return true;
            }

            // Far away: sleep most of it (capped, to notice cancellation); close: 1 ms steps, the OS timer's grain.
            var milliseconds = remaining / TicksPerMillisecond;
            Thread.Sleep(milliseconds >= 3 ? (int)Math.Min(milliseconds - 1, 50) : 1);
        }
    }
}
