namespace Perf.Model.Metrics;

/// <summary>One container's CPU (% of one core, as `docker stats` shows it) and memory (working set).</summary>
public sealed record ContainerSample(string Name, string Role, double CpuPercent, double MemoryMb);
