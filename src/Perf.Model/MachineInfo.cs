using System.Runtime.InteropServices;

namespace Perf.Model;

/// <summary>The machine a run measured on: reports compare ratios measured on one machine, never absolute numbers across machines.</summary>
public sealed record MachineInfo(string HostName, string Os, string CpuModel, int Cores, double MemoryGb, string DotnetVersion)
{
    public static MachineInfo Current()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : RuntimeInformation.ProcessArchitecture.ToString();
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024;
        return new MachineInfo(Environment.MachineName, RuntimeInformation.OSDescription, cpu,
            Environment.ProcessorCount, Math.Round(memory, 1), RuntimeInformation.FrameworkDescription);
    }
}
