using Perf.Fixtures;
using Perf.Fixtures.JobSystems;

namespace Perf.Scenarios.Experiments;

/// <summary>
/// Samples the job backlog (not yet taken + taken but unfinished, over the job system's queues) every half second while a
/// step runs, so a step can compare its start with its end.
/// </summary>
public sealed class BacklogSampler : IAsyncDisposable
{
    private readonly IJobSystem _system;
    private readonly List<(double Seconds, long Backlog)> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly Task _loop;

    public BacklogSampler(PerfEnvironment environment, TimeSpan? interval = null)
    {
        _system = environment.JobSystem;
        _loop = RunAsync(interval ?? TimeSpan.FromMilliseconds(500));
    }

    public static async Task<long> ReadAsync(PerfEnvironment environment) =>
        (await environment.JobSystem.QueuesAsync().ConfigureAwait(false)).Sum(q => q.Lag + q.Pending);

    public async Task<IReadOnlyList<(double Seconds, long Backlog)>> StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        await _loop.ConfigureAwait(false);
        lock (_samples)
        {
            return _samples.ToList();
        }
    }

    /// <summary>Mean of the first and of the last quarter of the samples (at least one each).</summary>
    public static (double Start, double End) StartAndEnd(IReadOnlyList<(double Seconds, long Backlog)> samples)
    {
        if (samples.Count == 0)
        {
            return (0, 0);
        }

        var quarter = Math.Max(1, samples.Count / 4);
        return (samples.Take(quarter).Average(s => s.Backlog), samples.Skip(samples.Count - quarter).Average(s => s.Backlog));
    }

    private async Task RunAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                var queues = await _system.QueuesAsync().ConfigureAwait(false);
                lock (_samples)
                {
                    _samples.Add((_clock.Elapsed.TotalSeconds, queues.Sum(q => q.Lag + q.Pending)));
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
