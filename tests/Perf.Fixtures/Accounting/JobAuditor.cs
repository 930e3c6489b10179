using System.Diagnostics;
using Perf.Fixtures.JobSystems;
using Perf.Model.Accounting;

namespace Perf.Fixtures.Accounting;

/// <summary>
/// Audits a run id by id (see <see cref="JobAudit"/>): the rule is here, the lookups are the job system's
/// (<see cref="IJobSystem.ReadFinishedAsync"/> for every finished id, <see cref="IJobSystem.ReadJobsAsync"/> for each
/// ledger id's state), so the same audit judges a Redis Streams system and a BullMQ one.
/// </summary>
public static class JobAuditor
{
    public static Task<JobAudit> AuditAsync(PerfEnvironment environment, IEnumerable<string> ledgerIds, JobAccounting jobs, string? ledgerFile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return AuditAsync(environment.JobSystem, ledgerIds, jobs.Drained, (jobs.Processed, jobs.DeadLettered), ledgerFile, ct);
    }

    /// <summary>
    /// Audits <paramref name="ledgerIds"/> against <paramref name="system"/>; <paramref name="drained"/> says whether the queues
    /// drained first, <paramref name="sutCounts"/> are the SUT's processed and dead-lettered counters to compare (null: none),
    /// <paramref name="ledgerFile"/> is recorded in the result as written.
    /// </summary>
    public static async Task<JobAudit> AuditAsync(
        IJobSystem system, IEnumerable<string> ledgerIds, bool drained, (long Processed, long DeadLettered)? sutCounts, string? ledgerFile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ledgerIds);
        var watch = Stopwatch.StartNew();
        var ledger = new HashSet<string>(StringComparer.Ordinal);
        long repeats = 0;
        foreach (var id in ledgerIds)
        {
            if (!ledger.Add(id))
            {
                repeats++;
            }
        }

        var finished = await system.ReadFinishedAsync(ct).ConfigureAwait(false);
        var deadLetters = finished.Failed;
        var storeIds = finished.Completed;
        var ids = ledger.ToArray();
        var traces = await system.ReadJobsAsync(ids, ct).ConfigureAwait(false);

        long storedOnly = 0, deadOnly = 0, lost = 0, twice = 0, mismatches = 0, redelivered = 0;
        List<string> lostSample = [], doubleSample = [], mismatchSample = [];
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            var deadCount = deadLetters.GetValueOrDefault(id);
            var stored = storeIds.Contains(id);
            var outcomes = (stored ? 1 : 0) + deadCount;
            var state = traces[i].State;
            if (traces[i].Starts > 1)
            {
                redelivered++;
            }

            if (outcomes == 0)
            {
                Sample(lostSample, $"{id} (job state: {state})", ref lost);
            }
            else if (outcomes > 1)
            {
                Sample(doubleSample, stored ? $"{id} (stored and dead-lettered {deadCount}x)" : $"{id} (dead-lettered {deadCount}x)", ref twice);
            }
            else
            {
                var expected = stored ? FinishedJobs.CompletedState : FinishedJobs.FailedState;
                if (stored)
                {
                    storedOnly++;
                }
                else
                {
                    deadOnly++;
                }

                if (state != expected)
                {
                    Sample(mismatchSample, $"{id} ({(stored ? "stored" : "dead-lettered")}, job state: {state})", ref mismatches);
                }
            }
        }

        long unknown = 0;
        List<string> unknownSample = [];
        foreach (var id in storeIds.Where(id => !ledger.Contains(id)))
        {
            Sample(unknownSample, $"{id} (stored)", ref unknown);
        }

        foreach (var id in deadLetters.Keys.Where(id => !ledger.Contains(id) && !storeIds.Contains(id)))
        {
            Sample(unknownSample, $"{id} (dead-lettered)", ref unknown);
        }

        var disagreements = new List<string>();
        if (sutCounts is var (processed, deadLettered))
        {
            if (processed != storeIds.Count)
            {
                disagreements.Add($"the SUT counted {processed} processed, the store holds {storeIds.Count} result(s)");
            }

            var deadEntries = deadLetters.Values.Sum();
            if (deadLettered != deadEntries)
            {
                disagreements.Add($"the SUT counted {deadLettered} dead-lettered, the dead-letter streams hold {deadEntries} entr(y/ies)");
            }
        }

        return new JobAudit(system.OutcomeSource, ledgerFile, ids.Length, repeats, storedOnly, deadOnly, lost, lostSample, twice, doubleSample,
            unknown, unknownSample, drained, mismatches, mismatchSample, disagreements, Math.Round(watch.Elapsed.TotalSeconds, 3))
        {
            JobSystem = system.Name,
            // Kept per job by BullMQ (ats); a Redis Streams system counts redeliveries only in total (retried).
            Redelivered = traces.Any(t => t.Starts is not null) ? redelivered : null,
        };
    }

    private static void Sample(List<string> sample, string entry, ref long count)
    {
        count++;
        if (sample.Count < JobAudit.SampleSize)
        {
            sample.Add(entry);
        }
    }
}
