namespace Perf.Model.Accounting;

/// <summary>
/// The id-by-id audit after the drain: every id the clients saw accepted (the client ledger) checked against the
/// store itself, the job state and the dead-letter streams. Each id must have exactly one outcome, stored or
/// dead-lettered; the SUT's counters are only a second opinion (<see cref="CounterDisagreements"/>).
/// </summary>
/// <param name="Store">Where results were looked up, e.g. "Redis result:{id}".</param>
/// <param name="LedgerFile">The client ledger's file (name in the artifacts directory), when it was written.</param>
/// <param name="IdsChecked">Distinct ledger ids checked.</param>
/// <param name="LedgerRepeats">Ledger entries whose id the clients had already recorded (a 202 with an id seen before).</param>
/// <param name="Stored">Ledger ids with a stored result and no dead letter.</param>
/// <param name="DeadLettered">Ledger ids dead-lettered once and not stored.</param>
/// <param name="Lost">Ledger ids with no outcome at all.</param>
/// <param name="LostSample">The first 20 lost ids, each with its job state.</param>
/// <param name="Double">Ledger ids with two outcomes (stored and dead-lettered, or dead-lettered twice).</param>
/// <param name="DoubleSample">The first 20 ids with two outcomes.</param>
/// <param name="Unknown">Ids the SUT stored or dead-lettered that no client saw accepted (a commit whose 202 was lost).</param>
/// <param name="UnknownSample">The first 20 unknown ids.</param>
/// <param name="Drained">Whether the queues drained within the timeout before the audit ran.</param>
/// <param name="StateMismatches">Ids whose job state disagrees with their outcome (stored but not "completed", dead-lettered but not "failed").</param>
/// <param name="StateMismatchSample">The first 20 of them.</param>
/// <param name="CounterDisagreements">Where the SUT's own counters disagree with the audit.</param>
/// <param name="AuditSeconds">Wall time of the audit's reads.</param>
public sealed record JobAudit(
    string Store,
    string? LedgerFile,
    long IdsChecked,
    long LedgerRepeats,
    long Stored,
    long DeadLettered,
    long Lost,
    IReadOnlyList<string> LostSample,
    long Double,
    IReadOnlyList<string> DoubleSample,
    long Unknown,
    IReadOnlyList<string> UnknownSample,
    bool Drained,
    long StateMismatches,
    IReadOnlyList<string> StateMismatchSample,
    IReadOnlyList<string> CounterDisagreements,
    double AuditSeconds)
{
    public const int SampleSize = 20;

    /// <summary>The job system the audit read (e.g. "Redis Streams", "BullMQ"); null in reports written before the seam.</summary>
    public string? JobSystem { get; init; }

    /// <summary>Ledger ids whose job was started more than once (BullMQ's attempts started); null where the system keeps no per-job count.</summary>
    public long? Redelivered { get; init; }

    /// <summary>Every way the audit failed, each with its count and first ids; empty when every id has exactly one outcome.</summary>
    public IReadOnlyList<string> Breaches()
    {
        var breaches = new List<string>();
        if (Lost > 0)
        {
            breaches.Add($"audit: {Lost} accepted job id(s) have no outcome (neither stored nor dead-lettered), allowed 0; first: {string.Join(", ", LostSample)}");
        }

        if (Double > 0)
        {
            breaches.Add($"audit: {Double} job id(s) have two outcomes, allowed 0; first: {string.Join(", ", DoubleSample)}");
        }

        if (Unknown > 0)
        {
            breaches.Add($"audit: {Unknown} id(s) stored or dead-lettered by the SUT were never seen accepted by a client, allowed 0; first: {string.Join(", ", UnknownSample)}");
        }

        if (!Drained)
        {
            breaches.Add("audit: the queues did not drain within the timeout, so the outcome of every job could not be checked");
        }

        return breaches;
    }
}
