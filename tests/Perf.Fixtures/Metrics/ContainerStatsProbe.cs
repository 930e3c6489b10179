using System.Collections.Concurrent;
using Docker.DotNet.Models;
using Perf.Fixtures.Containers;
using Perf.Model.Metrics;

namespace Perf.Fixtures.Metrics;

/// <summary>
/// Per-container CPU and memory from the Docker stats API, through the client Testcontainers uses. One
/// streaming request per container (Docker pushes a sample each second) is much cheaper than a one-shot
/// request per sample, which makes Docker wait a second to compute each CPU delta.
/// </summary>
public sealed class ContainerStatsProbe : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ContainerSample> _latest = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _streams = [];

    public ContainerStatsProbe(PerfEnvironment environment)
    {
        if (environment.Docker is null)
        {
            return;
        }

        foreach (var container in environment.Containers)
        {
            _streams.Add(StreamAsync(environment.Docker, container));
        }
    }

    public IReadOnlyList<ContainerSample> Latest() => _latest.Values.OrderBy(s => s.Role).ThenBy(s => s.Name).ToList();

    /// <summary>Starts following a container that came up after the probe (a replacement worker).</summary>
    public void Follow(PerfEnvironment environment, RunningContainer container)
    {
        if (environment.Docker is not null)
        {
            _streams.Add(StreamAsync(environment.Docker, container));
        }
    }

    private async Task StreamAsync(DockerGateway docker, RunningContainer container)
    {
        var progress = new Progress(stats =>
        {
            if (ToSample(container, stats) is { } sample)
            {
                _latest[container.DisplayName] = sample;
            }
        });
        try
        {
            await docker.Client.Containers.GetContainerStatsAsync(container.Id, new ContainerStatsParameters { Stream = true }, progress, _stop.Token)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A killed or stopped container ends its stream; the last sample stays as it was.
        }
    }

    private static ContainerSample? ToSample(RunningContainer container, ContainerStatsResponse stats)
    {
        if (stats.CPUStats?.CPUUsage is null || stats.PreCPUStats?.CPUUsage is null)
        {
            return null;
        }

        var cpuDelta = (double)stats.CPUStats.CPUUsage.TotalUsage - stats.PreCPUStats.CPUUsage.TotalUsage;
        var systemDelta = (double)(stats.CPUStats.SystemUsage ?? 0) - (stats.PreCPUStats.SystemUsage ?? 0);
        var cpus = stats.CPUStats.OnlineCPUs is > 0 ? (double)stats.CPUStats.OnlineCPUs : Environment.ProcessorCount;
        var cpuPercent = systemDelta > 0 && cpuDelta >= 0 ? cpuDelta / systemDelta * cpus * 100.0 : 0;
        var usage = (double)(stats.MemoryStats?.Usage ?? 0);
        // docker stats subtracts the page cache (cgroup v2: inactive_file; v1: total_inactive_file).
        if (stats.MemoryStats?.Stats is { } memory)
        {
            usage -= memory.TryGetValue("inactive_file", out var inactive) ? inactive
                : memory.TryGetValue("total_inactive_file", out var totalInactive) ? totalInactive : 0;
        }

        return new ContainerSample(container.DisplayName, container.Role.ToString().ToLowerInvariant(),
            Math.Round(cpuPercent, 1), Math.Round(Math.Max(usage, 0) / 1024 / 1024, 1));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_streams).ConfigureAwait(false);
        _stop.Dispose();
    }

    private sealed class Progress(Action<ContainerStatsResponse> onReport) : IProgress<ContainerStatsResponse>
    {
        public void Report(ContainerStatsResponse value) => onReport(value);
    }
}
