using Perf.Engine.Profiles;
using Perf.Engine.Running;

namespace Perf.Fixtures.Accounting;

/// <summary>
/// Which captured values of a profile are accepted job ids: the <c>$.id</c> capture of each job-creating request
/// (<see cref="JobStoreKeys.JobRequests"/>). A job request the profile sends without that capture cannot be audited by
/// id; <see cref="Uncaptured"/> names it so the verdict can say so instead of auditing part of the jobs silently.
/// </summary>
public sealed record JobLedger(IReadOnlyList<LedgerKey> Keys, IReadOnlyList<string> Uncaptured)
{
    private const string IdPath = "$.id";

    public static JobLedger For(LoadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var steps = profile.Scenarios.SelectMany(s => s.Requests).Where(step => JobStoreKeys.JobRequests.Contains(step.Key)).ToList();
        var keys = steps
            .SelectMany(step => step.Captures.Where(c => c.JsonPath == IdPath).Select(c => new LedgerKey(step.Key, c.As)))
            .Distinct()
            .ToList();
        var uncaptured = steps.Where(step => !step.Captures.Any(c => c.JsonPath == IdPath))
            .Select(step => $"{step.Key} (no capture of \"{IdPath}\")")
            .Distinct()
            .ToList();
        return new JobLedger(keys, uncaptured);
    }

    /// <summary>A ledger recording these keys, or null when the profile captures no job id at all.</summary>
    public ClientLedger? NewRecorder() => Keys.Count == 0 ? null : new ClientLedger(Keys);
}
