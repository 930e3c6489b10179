namespace Perf.Model.Metrics;

/// <summary>Machine-wide CPU and memory at one moment (CPU over the interval since the previous reading).</summary>
public sealed record HostSample(double CpuPercent, double MemoryUsedGb, double MemoryTotalGb, double MemoryPercent, int Cores);
