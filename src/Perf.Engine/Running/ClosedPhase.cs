using System.Diagnostics;
using Perf.Engine.Profiles;
using Perf.Engine.Scheduling;

namespace Perf.Engine.Running;

/// <summary>
/// A closed-model phase: worker i runs flows back to back while i is below the phase's target concurrency, which
/// changes linearly from <see cref="Phase.Concurrency"/> to <see cref="Phase.EndConcurrency"/>. Each iteration is
/// timed from its own actual start (a service time), so these latencies are kept apart from the open model's.
/// </summary>
internal sealed class ClosedPhase(RunContext context, RunPhase phase, int seed)
{
    /// <summary>How often a ramp re-computes its target; finer than any ramp a phase of seconds can notice.</summary>
    private static readonly long RampStepTicks = Stopwatch.Frequency / 100;

    private volatile int _target;

    /// <summary>Runs on the scheduler thread until the phase ends; false when the run was cancelled.</summary>
    public bool Run(Func<long, bool> waitUntil)
    {
        // The previous phase may have released its last arrival before its end; this phase's users wait for its start.
        if (!waitUntil(phase.StartTimestamp))
        {
            return false;
        }

        var started = 0;
        var ramps = phase.Phase.Concurrency != phase.Phase.EndConcurrency;
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= phase.EndTimestamp)
            {
                _target = 0;
                return true;
            }

            _target = TargetAt(now);
            for (; started < _target; started++)
            {
                context.ArrivalReleased();
                _ = RunWorkerAsync(started);
            }

            if (!waitUntil(ramps ? Math.Min(phase.EndTimestamp, now + RampStepTicks) : phase.EndTimestamp))
            {
                _target = 0;
                return false;
            }
        }
    }

    private int TargetAt(long now) => PhaseSchedule.ConcurrencyAt(phase.Phase, (now - phase.StartTimestamp) / (double)Stopwatch.Frequency);

    private async Task RunWorkerAsync(int worker)
    {
        // Off the scheduler thread at once: a worker never returns to it between iterations.
        await Task.Yield();
        var random = new Random(seed + (phase.Index * 100_003) + worker);
        try
        {
            // A worker above a falling target stops after its current iteration; one below a rising target was started anew.
            while (worker < _target && Stopwatch.GetTimestamp() < phase.EndTimestamp && !context.Token.IsCancellationRequested)
            {
                var scenario = context.Plan.Pick(random);
                var start = Stopwatch.GetTimestamp();
                context.Recorder.ArrivalStarted(phase.Index, start, start);
                await VirtualUser.RunAsync(context, scenario, start, LoadModel.Closed, phase.Index).ConfigureAwait(false);
            }
        }
        finally
        {
            context.ArrivalFinished();
        }
    }
}
