using System.Diagnostics;

namespace Perf.Fixtures.Containers;

/// <summary>
/// Labels that mark a container as this suite's, with the process that created it, so a later run can remove
/// leftovers of a killed run without touching containers anyone else created (or that a live run still uses).
/// </summary>
public static class ContainerLabels
{
    public const string Owner = "perftests.owner";
    public const string OwnerValue = "perf-fixtures";
    public const string RunId = "perftests.run";
    public const string CreatorPid = "perftests.pid";
    public const string CreatorStart = "perftests.pid-start";

    public static IReadOnlyDictionary<string, string> ForRun(string runId)
    {
        using var self = Process.GetCurrentProcess();
        return new Dictionary<string, string>
        {
            [Owner] = OwnerValue,
            [RunId] = runId,
            [CreatorPid] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [CreatorStart] = self.StartTime.ToUniversalTime().Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>True when the process that created the container still runs (same pid and same start time).</summary>
    public static bool CreatorIsAlive(IDictionary<string, string>? labels)
    {
        if (labels is null || !labels.TryGetValue(CreatorPid, out var pidText) || !int.TryParse(pidText, out var pid))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return labels.TryGetValue(CreatorStart, out var start)
                   && process.StartTime.ToUniversalTime().Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) == start;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
