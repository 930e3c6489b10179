namespace Perf.Model.Metrics;

/// <summary>The Redis INFO fields the reports use.</summary>
public sealed record RedisSample(
    long ConnectedClients,
    long UsedMemoryBytes,
    long UsedMemoryPeakBytes,
    long EvictedKeys,
    long RejectedConnections,
    long OpsPerSec,
    long KeyspaceHits,
    long KeyspaceMisses,
    long TotalCommandsProcessed,
    long Keys);
