using Perf.Engine.Stats;

namespace Perf.Engine;

/// <summary>Throughput of a closed-loop run: how many requests a fixed number of workers completed back to back.</summary>
public sealed record ClosedLoopResult(int Concurrency, long Requests, double DurationSeconds, double Rps, long Errors, LatencyStats Latency);
