using System.Globalization;

namespace Perf.Fixtures.Containers;

/// <summary>
/// Who created a container, in terms that stay true while that process lives and false once it is gone: the pid, the
/// process's start time in clock ticks since boot (field 22 of <c>/proc/&lt;pid&gt;/stat</c>, fixed by the kernel for the
/// life of the process, so a reused pid gets another value) and the boot id (<c>/proc/sys/kernel/random/boot_id</c>, so
/// ticks of an earlier boot never match). <see cref="System.Diagnostics.Process.StartTime"/> is not used: it is derived
/// from the boot time and the clock, and two processes (or one after a clock change) can read it differently.
/// </summary>
public sealed record ProcessIdentity(int Pid, long StartTicks, string BootId)
{
    private const string BootIdPath = "/proc/sys/kernel/random/boot_id";

    /// <summary>Field 22 (starttime) of <c>/proc/&lt;pid&gt;/stat</c>, counted from the first field after the command name.</summary>
    private const int StartTimeIndexAfterCommand = 22 - 3;

    /// <summary>Where there is no /proc (macOS, Windows) there is no boot id either; the fallback below stands in.</summary>
    private const string NoProcBootId = "no-proc";

    private static readonly Lazy<string> ThisBootId = new(() => OperatingSystem.IsLinux() ? File.ReadAllText(BootIdPath).Trim() : NoProcBootId);

    /// <summary>This machine's boot id.</summary>
    public static string CurrentBootId => ThisBootId.Value;

    /// <summary>The identity of this process.</summary>
    public static ProcessIdentity Current => Of(Environment.ProcessId)
        ?? throw new InvalidOperationException($"/proc/{Environment.ProcessId}/stat cannot be read: container cleanup needs Linux's /proc");

    /// <summary>The identity of the running process <paramref name="pid"/> on this boot, or null when no such process exists.</summary>
    public static ProcessIdentity? Of(int pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return OfWithoutProc(pid);
        }

        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return new ProcessIdentity(pid, StartTicksFromStat(stat), CurrentBootId);
    }

    /// <summary>
    /// Without /proc, the weaker identity the suite used before: the start time as the runtime reports it. Developer
    /// machines only; CI and the suite's own machines are Linux.
    /// </summary>
    private static ProcessIdentity? OfWithoutProc(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return new ProcessIdentity(pid, process.StartTime.ToUniversalTime().Ticks, NoProcBootId);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// True only when a process with this pid runs now, started at these ticks, on this boot: a dead creator, a pid
    /// reused by another process, or a creator of an earlier boot all read false.
    /// </summary>
    public bool IsAlive() => BootId == CurrentBootId && Of(Pid) is { } now && now.StartTicks == StartTicks;

    /// <summary>
    /// The starttime field of a <c>/proc/&lt;pid&gt;/stat</c> line. The command name (field 2) is in parentheses and may
    /// itself hold spaces and parentheses, so fields are counted from the last <c>)</c>.
    /// </summary>
    public static long StartTicksFromStat(string stat)
    {
        var afterCommand = stat.LastIndexOf(')');
        var fields = afterCommand < 0 ? [] : stat[(afterCommand + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > StartTimeIndexAfterCommand
               && long.TryParse(fields[StartTimeIndexAfterCommand], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? ticks
            : throw new FormatException($"not a /proc/<pid>/stat line with a start time in field 22: '{stat.Trim()}'");
    }
}
