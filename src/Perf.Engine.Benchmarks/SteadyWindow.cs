using System.Diagnostics;
using Perf.Engine.Running;

namespace Perf.Engine.Benchmarks;

/// <summary>
/// Generator CPU over the steady part of a run, read at the engine's progress snapshots: the first snapshot after
/// <c>skip</c> opens the window and the last one closes it, so connection set-up, tier-up of the JIT, the drain and
/// the report (all one-off costs of a run) stay out of the per-request figure.
/// </summary>
internal sealed class SteadyWindow(TimeSpan skip)
{
    private readonly Lock _gate = new();
    private (TimeSpan Cpu, long Requests, long Timestamp)? _first;
    private (TimeSpan Cpu, long Requests, long Timestamp)? _last;

    /// <summary>CPU in % of one core per 1,000 req/s between the first and the last snapshot, or null when the window was too short.</summary>
    public double? CpuPercentPerThousandRps
    {
        get
        {
            lock (_gate)
            {
                if (_first is not { } first || _last is not { } last || last.Requests <= first.Requests)
                {
                    return null;
                }

                var seconds = (last.Timestamp - first.Timestamp) / (double)Stopwatch.Frequency;
                var cpuPercent = (last.Cpu - first.Cpu).TotalSeconds / seconds * 100;
                var rps = (last.Requests - first.Requests) / seconds;
                return cpuPercent / (rps / 1000);
            }
        }
    }

    public void Observe(ProgressSnapshot snapshot)
    {
        if (snapshot.Elapsed < skip || snapshot.Elapsed > snapshot.Total)
        {
            return;
        }

        using var self = Process.GetCurrentProcess();
        var reading = (self.TotalProcessorTime, snapshot.Requests, Stopwatch.GetTimestamp());
        lock (_gate)
        {
            _first ??= reading;
            _last = reading;
        }
    }
}
