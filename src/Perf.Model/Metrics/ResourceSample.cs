namespace Perf.Model.Metrics;

/// <summary>
/// One 1-second sample taken while the load runs. CPU per role is % of one core, summed over that role's containers.
/// The job latency percentiles are those of the jobs stored since the previous sample (null when none was).
/// </summary>
public sealed record ResourceSample(
    double ElapsedSeconds,
    double? HostCpuPercent,
    double? HostMemoryPercent,
    IReadOnlyDictionary<string, double> CpuPercentByRole,
    IReadOnlyDictionary<string, double> MemoryMbByRole,
    double? RedisUsedMemoryMb,
    long? RedisClients,
    long? RedisOpsPerSec,
    long? EvictedKeys,
    long? QueueLength,
    long? QueuePending,
    long? QueueLag,
    long? Accepted,
    long? Processed,
    string? Error,
    double? JobLatencyP95Ms = null,
    double? JobLatencyP99Ms = null);
