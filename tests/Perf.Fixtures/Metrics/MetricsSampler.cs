using System.Diagnostics;
using Perf.Model.Metrics;

namespace Perf.Fixtures.Metrics;

/// <summary>
/// Samples host, containers, Redis and the job streams once a second while the load runs. It also measures
/// its own cost (CPU time of the test process spent sampling is not separable, so it records the wall time of
/// each sample; the note reports both).
/// </summary>
public sealed class MetricsSampler : IAsyncDisposable
{
    private readonly MetricsCollector _collector;
    private readonly List<ResourceSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;
    private readonly Action<ResourceSample>? _observer;
    private TimeSpan _busy;
    private IReadOnlyDictionary<long, long>? _latencyBuckets;

    /// <param name="collector">The probes to sample.</param>
    /// <param name="interval">Time between samples (1 s).</param>
    /// <param name="observer">Gets each sample as it is taken, e.g. the live dashboard; it must return quickly.</param>
    public MetricsSampler(MetricsCollector collector, TimeSpan? interval = null, Action<ResourceSample>? observer = null)
    {
        _collector = collector;
        _observer = observer;
        _loop = RunAsync(interval ?? TimeSpan.FromSeconds(1));
    }

    /// <summary>Share of one core's time the sampler spent taking samples (wall time, an upper bound).</summary>
    public double OverheadPercentOfCore => _clock.Elapsed > TimeSpan.Zero ? 100.0 * _busy.TotalSeconds / _clock.Elapsed.TotalSeconds : 0;

    public async Task<IReadOnlyList<ResourceSample>> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        lock (_samples)
        {
            return _samples.ToList();
        }
    }

    private async Task RunAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                var started = _clock.Elapsed;
                var sample = await SampleAsync(started.TotalSeconds).ConfigureAwait(false);
                _busy += _clock.Elapsed - started;
                lock (_samples)
                {
                    _samples.Add(sample);
                }

                _observer?.Invoke(sample);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task<ResourceSample> SampleAsync(double elapsed)
    {
        var host = _collector.Host.Sample();
        var containers = _collector.ContainerStats.Latest();
        var errors = new List<string>();
        var redis = await MetricsCollector.TryAsync("redis", _collector.Redis.SampleAsync, errors).ConfigureAwait(false);
        var queues = await MetricsCollector.TryAsync("queues", _collector.JobSystem.QueuesAsync, errors).ConfigureAwait(false);
        var jobs = await MetricsCollector.TryAsync("counters", _collector.JobSystem.CountersAsync, errors).ConfigureAwait(false);
        var latency = await MetricsCollector.TryAsync("job latency", _collector.JobSystem.JobLatencyBucketsAsync, errors).ConfigureAwait(false);
        // The first sample has no earlier snapshot: jobs stored before the sampler started belong to no second of it.
        var storedThisSecond = latency is null || _latencyBuckets is null ? JobLatencyBuckets.Empty : JobLatencyBuckets.Between(_latencyBuckets, latency);
        _latencyBuckets = latency ?? _latencyBuckets;
        return new ResourceSample(
            Math.Round(elapsed, 2),
            host?.CpuPercent,
            host?.MemoryPercent,
            containers.GroupBy(c => c.Role).ToDictionary(g => g.Key, g => Math.Round(g.Sum(c => c.CpuPercent), 1)),
            containers.GroupBy(c => c.Role).ToDictionary(g => g.Key, g => Math.Round(g.Sum(c => c.MemoryMb), 1)),
            redis is null ? null : Math.Round(redis.UsedMemoryBytes / 1024.0 / 1024.0, 2),
            redis?.ConnectedClients,
            redis?.OpsPerSec,
            redis?.EvictedKeys,
            queues?.Sum(q => q.Length),
            queues?.Sum(q => q.Pending),
            queues?.Sum(q => q.Lag),
            jobs?.Accepted,
            jobs?.Processed,
            errors.Count == 0 ? null : string.Join("; ", errors),
            JobLatencyBuckets.Percentile(storedThisSecond, 95),
            JobLatencyBuckets.Percentile(storedThisSecond, 99));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }
}
