using System.ComponentModel.DataAnnotations;
using Perf.Model.Settings;

namespace Perf.Fixtures.Settings;

/// <summary>The system under test: which job system, where it runs and how the suite starts it. Shared by both configurations.</summary>
public sealed class SystemSettings
{
    /// <summary>The queue technology the suite reads queue state and job outcomes from: this repository's Redis Streams system, or a BullMQ system (docs/job-systems.md).</summary>
    [EnvironmentVariable("PERF_SYSTEM")]
    public JobSystemKind Kind { get; set; } = JobSystemKind.Streams;

    /// <summary>Whether the suite starts the system in containers or points at one that already runs (External, docs/manual-system.md).</summary>
    [EnvironmentVariable("PERF_MODE")]
    public TargetMode Mode { get; set; } = TargetMode.Container;

    /// <summary>How the containers are networked: a bridge network with published ports (a normal Docker), or the host's loopback (machines without bridge or iptables; eng/container-ready.sh chooses).</summary>
    [EnvironmentVariable("PERF_NETWORK_MODE")]
    public NetworkMode Network { get; set; } = NetworkMode.Bridge;

    /// <summary>Where the workers store job results. Use redis where no MongoDB image exists (every report then says "MongoDB: not run").</summary>
    [EnvironmentVariable("PERF_STORE")]
    public StoreKind Store { get; set; } = StoreKind.Mongo;

    /// <summary>Jobs each worker process holds in flight.</summary>
    [EnvironmentVariable("PERF_WORKER_CONCURRENCY")]
    [Range(1, 1024)]
    public int WorkerConcurrency { get; set; } = 8;

    /// <summary>The simulated downstream call each job waits on, in milliseconds (I/O, not CPU, so more workers can help).</summary>
    [EnvironmentVariable("PERF_SIMULATED_DOWNSTREAM_MS")]
    [Range(0, 60_000)]
    public int SimulatedDownstreamMs { get; set; } = 20;

    /// <summary>How long, in seconds, the suite waits after the load for the queues to drain before it settles the job accounts.</summary>
    [EnvironmentVariable("PERF_DRAIN_TIMEOUT_S")]
    [Range(1, 3600)]
    public int DrainTimeoutSeconds { get; set; } = 120;

    /// <summary>How long, in seconds, each container may take to become ready.</summary>
    [EnvironmentVariable("PERF_START_TIMEOUT_S")]
    [Range(1, 3600)]
    public int StartTimeoutSeconds { get; set; } = 60;
}
