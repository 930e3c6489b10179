using System.Globalization;

namespace Perf.Reports.Experiments;

/// <summary>The 1-minute load average (/proc/loadavg): how busy the machine was with other work around an experiment.</summary>
internal static class MachineLoad
{
    public static double? OneMinute()
    {
        try
        {
            return File.Exists("/proc/loadavg")
                ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
