using Perf.Engine.Profiles;
using Perf.Engine.Reporting;
using Perf.Engine.Running;
using Perf.Fixtures.Accounting;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>The job-submitting profile of the fault tests (Profiles/fault-jobs.yml: 25 s at 50 arrivals/s) and how it is run.</summary>
internal static class FaultLoad
{
    public static string ProfilePath { get; } = Path.Combine(AppContext.BaseDirectory, "Profiles", "fault-jobs.yml");

    /// <summary>The profile aimed at <paramref name="api"/>; <paramref name="timeScale"/> shortens it (0.4 = 10 s).</summary>
    public static LoadProfile Jobs(Uri api, double timeScale = 1.0) =>
        ProfileLoader.Load(ProfilePath, new ProfileOverrides { Target = api.ToString(), TimeScale = timeScale });

    /// <summary>The run options; <paramref name="ledger"/> records every accepted job id for the id audit.</summary>
    public static RunOptions Options(string label, Action<string> log, ClientLedger? ledger = null) => new()
    {
        Label = label,
        Ledger = ledger,
        ProgressInterval = TimeSpan.FromSeconds(5),
        Progress = snapshot => log($"{label} {snapshot}"),
    };

    /// <summary>A ledger of the accepted job ids of <paramref name="profile"/> (fault-jobs.yml captures both job requests' ids).</summary>
    public static ClientLedger NewLedger(LoadProfile profile) =>
        JobLedger.For(profile).NewRecorder() ?? throw new InvalidOperationException($"{ProfilePath} captures no job id");

    /// <summary>Every id the ledger recorded, over all its keys.</summary>
    public static IEnumerable<string> Ids(ClientLedger ledger) => ledger.Keys.SelectMany(ledger.Ids);

    public static string Describe(RunReport load) =>
        $"{load.Totals.Requests} requests, status codes {{{string.Join(", ", load.Totals.StatusCodes.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}"))}}}, " +
        $"errors {{{string.Join(", ", load.Totals.Errors.Select(kv => $"{kv.Key}: {kv.Value}"))}}}";
}
