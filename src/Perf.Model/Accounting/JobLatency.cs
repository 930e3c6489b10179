namespace Perf.Model.Accounting;

/// <summary>End-to-end job latency (enqueue → result stored), in milliseconds, as the SUT measured it.</summary>
public sealed record JobLatency(long Count, double P50, double P95, double P99, double Max);
