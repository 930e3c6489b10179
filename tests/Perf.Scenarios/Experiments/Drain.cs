using System.Diagnostics;
using Perf.Fixtures;

namespace Perf.Scenarios.Experiments;

/// <summary>Waits, bounded, until the workers have taken and acknowledged every queued job.</summary>
public static class Drain
{
    public static async Task<(bool Drained, double Seconds, long Left)> WaitAsync(PerfEnvironment environment, TimeSpan timeout, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var backlog = await BacklogSampler.ReadAsync(environment).ConfigureAwait(false);
            if (backlog == 0)
            {
                return (true, watch.Elapsed.TotalSeconds, 0);
            }

            if (watch.Elapsed > timeout)
            {
                return (false, watch.Elapsed.TotalSeconds, backlog);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);
        }
    }
}
