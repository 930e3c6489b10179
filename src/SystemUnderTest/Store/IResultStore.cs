using SystemUnderTest.Jobs;

namespace SystemUnderTest.Store;

/// <summary>Stores each job's result once by job id; a second store of the same id is a duplicate, not a new result.</summary>
public interface IResultStore
{
    string Kind { get; }

    /// <summary>Stores the result and counts it (processed on first store, duplicates on a repeat).</summary>
    Task<StoreOutcome> StoreAsync(JobResult result, CancellationToken cancellationToken);

    Task<AnalyticsSummary> GetSummaryAsync(CancellationToken cancellationToken);

    Task PingAsync(CancellationToken cancellationToken);
}
