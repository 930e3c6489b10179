namespace Perf.Model.Metrics;

/// <summary>
/// The settings Redis reports as in force (CONFIG GET), which can differ from the file: Redis lowers
/// maxclients when the process's file-descriptor limit is too low, and says so only in its log.
/// </summary>
public sealed record RedisEffectiveConfig(
    long MaxMemoryBytes,
    string MaxMemoryPolicy,
    long MaxClients,
    long? MaxClientsRequested,
    string Save,
    string AppendOnly,
    string RedisVersion,
    string? MaxClientsNote);
