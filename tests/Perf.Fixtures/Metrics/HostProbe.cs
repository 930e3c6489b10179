using System.Globalization;
using Perf.Model.Metrics;

namespace Perf.Fixtures.Metrics;

/// <summary>
/// Host CPU % and memory from /proc (Linux). CPU % is over the interval since the previous call, across all
/// cores (100 % = every core busy). Where /proc is absent (a Mac laptop), it reports itself unavailable.
/// </summary>
public sealed class HostProbe
{
    private (long Busy, long Total)? _previous;

    public static bool IsAvailable => File.Exists("/proc/stat") && File.Exists("/proc/meminfo");

    public HostSample? Sample()
    {
        if (!IsAvailable)
        {
            return null;
        }

        var cpu = ReadCpu();
        var cpuPercent = 0.0;
        if (_previous is { } last && cpu.Total > last.Total)
        {
            cpuPercent = 100.0 * (cpu.Busy - last.Busy) / (cpu.Total - last.Total);
        }

        _previous = cpu;
        var memory = ReadMemInfo();
        var totalGb = memory["MemTotal"] / 1024.0 / 1024.0;
        var usedGb = (memory["MemTotal"] - memory["MemAvailable"]) / 1024.0 / 1024.0;
        return new HostSample(Math.Round(cpuPercent, 1), Math.Round(usedGb, 3), Math.Round(totalGb, 3),
            Math.Round(100.0 * usedGb / totalGb, 1), Environment.ProcessorCount);
    }

    private static (long Busy, long Total) ReadCpu()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }

    private static Dictionary<string, long> ReadMemInfo() =>
        File.ReadLines("/proc/meminfo")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(
                parts => parts[0],
                parts => long.Parse(parts[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}
