using System.Globalization;

namespace Perf.Fixtures.Containers;

/// <summary>
/// Labels that mark a container as this suite's, with the identity of the process that created it
/// (<see cref="ProcessIdentity"/>: pid, start ticks, boot id), so a later run removes leftovers of a killed run without
/// touching containers anyone else created or that a live run, in this or another process, still uses.
/// </summary>
public static class ContainerLabels
{
    public const string Owner = "perftests.owner";
    public const string OwnerValue = "perf-fixtures";
    public const string RunId = "perftests.run";
    public const string CreatorPid = "perftests.pid";

    /// <summary>The creator's start time in clock ticks since boot (field 22 of <c>/proc/&lt;pid&gt;/stat</c>).</summary>
    public const string CreatorStart = "perftests.pid-start-ticks";

    public const string CreatorBootId = "perftests.boot-id";

    /// <summary>The labels of a container this process creates for run <paramref name="runId"/>.</summary>
    public static IReadOnlyDictionary<string, string> ForRun(string runId) => ForRun(runId, ProcessIdentity.Current);

    /// <summary>The labels of a container of run <paramref name="runId"/> created on behalf of <paramref name="creator"/>.</summary>
    public static IReadOnlyDictionary<string, string> ForRun(string runId, ProcessIdentity creator) => new Dictionary<string, string>
    {
        [Owner] = OwnerValue,
        [RunId] = runId,
        [CreatorPid] = creator.Pid.ToString(CultureInfo.InvariantCulture),
        [CreatorStart] = creator.StartTicks.ToString(CultureInfo.InvariantCulture),
        [CreatorBootId] = creator.BootId,
    };

    /// <summary>The creator these labels name, or null when any part of its identity is missing or malformed.</summary>
    public static ProcessIdentity? Creator(IDictionary<string, string>? labels) =>
        labels is not null
        && labels.TryGetValue(CreatorPid, out var pidText) && int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
        && labels.TryGetValue(CreatorStart, out var startText) && long.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
        && labels.TryGetValue(CreatorBootId, out var bootId) && bootId.Length > 0
            ? new ProcessIdentity(pid, start, bootId)
            : null;

    /// <summary>
    /// True when the process that created the container still runs: same pid, same start ticks, same boot. A container
    /// of ours whose labels name no complete creator (e.g. from a version that labelled differently) has no living owner.
    /// </summary>
    public static bool CreatorIsAlive(IDictionary<string, string>? labels) => Creator(labels)?.IsAlive() ?? false;
}
