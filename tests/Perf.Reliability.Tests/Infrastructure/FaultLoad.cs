using Perf.Engine.Profiles;
using Perf.Engine.Reporting;
using Perf.Engine.Running;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>The job-submitting profile of the fault tests (Profiles/fault-jobs.yml: 25 s at 50 arrivals/s) and how it is run.</summary>
internal static class FaultLoad
{
    public static string ProfilePath { get; } = Path.Combine(AppContext.BaseDirectory, "Profiles", "fault-jobs.yml");

    /// <summary>The profile aimed at <paramref name="api"/>; <paramref name="timeScale"/> shortens it (0.4 = 10 s).</summary>
    public static LoadProfile Jobs(Uri api, double timeScale = 1.0) =>
        ProfileLoader.Load(ProfilePath, new ProfileOverrides { Target = api.ToString(), TimeScale = timeScale });

    public static RunOptions Options(string label, Action<string> log) => new()
    {
        Label = label,
        ProgressInterval = TimeSpan.FromSeconds(5),
        Progress = snapshot => log($"{label} {snapshot}"),
    };

    public static string Describe(RunReport load) =>
        $"{load.Totals.Requests} requests, status codes {{{string.Join(", ", load.Totals.StatusCodes.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}"))}}}, " +
        $"errors {{{string.Join(", ", load.Totals.Errors.Select(kv => $"{kv.Key}: {kv.Value}"))}}}";
}
