using Perf.Model.Metrics;

namespace Perf.Fixtures.JobSystems;

/// <summary>
/// Everything the suite reads from a job system, one implementation per queue technology (docs/job-systems.md). The
/// audit's rule (each accepted id has exactly one outcome) and the accounts stay above this seam; only the lookups
/// differ. Implementations read the system's own Redis keys, never its code.
/// </summary>
public interface IJobSystem
{
    /// <summary>The system as reports name it, e.g. "Redis Streams" or "BullMQ".</summary>
    string Name { get; }

    /// <summary>Where outcomes are looked up, as the audit reports it, e.g. "Redis result:{id}".</summary>
    string OutcomeSource { get; }

    /// <summary>The queues (streams or BullMQ queue names) the system's jobs go through.</summary>
    IReadOnlyList<string> QueueNames { get; }

    /// <summary>Per queue: jobs in it, taken but unfinished (pending/active), not yet taken (lag/waiting+delayed+prioritized), failed for good.</summary>
    Task<IReadOnlyList<QueueState>> QueuesAsync();

    /// <summary>The system's own counters, the accounts' second opinion; zero where the system keeps none.</summary>
    Task<JobCounters> CountersAsync();

    /// <summary>End-to-end job latency so far as HdrHistogram buckets (lowest value in ms → count); see Metrics/JobLatencyBuckets.</summary>
    Task<IReadOnlyDictionary<long, long>> JobLatencyBucketsAsync();

    /// <summary>Whether the worker process named <paramref name="workerName"/> is connected and ready to take jobs.</summary>
    Task<bool> IsWorkerReadyAsync(string workerName);

    /// <summary>What the readiness check waits for, for a deadline's message.</summary>
    string DescribeReadiness(string workerName);

    /// <summary>Every job id with an outcome: completed (stored) ids, and per id how often it was failed for good (dead-lettered).</summary>
    Task<FinishedJobs> ReadFinishedAsync(CancellationToken ct);

    /// <summary>Per id, in order: the job's state as the system keeps it, and how often it was started (null where not kept per job).</summary>
    Task<IReadOnlyList<JobTrace>> ReadJobsAsync(IReadOnlyList<string> ids, CancellationToken ct);
}
