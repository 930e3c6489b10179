using Perf.Fixtures.Traffic;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>What a memory-pressure burst got: the clients' answers, the jobs processed before any relief, and the relief given (null: none).</summary>
internal sealed record MemoryBurstResult(BurstResult Burst, long ProcessedBeforeRelief, string? Relief);
