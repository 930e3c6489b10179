namespace Perf.Reports.Experiments.Soak;

/// <summary>One second of the soak: Redis used_memory and evicted_keys, its key count, and the jobs processed so far.</summary>
public sealed record SoakSample(double Seconds, long UsedMemoryBytes, long EvictedKeys, long Keys, long Processed);
