using SystemUnderTest.Contracts;

namespace SystemUnderTest.Store;

/// <summary>
/// Where each job's result is kept, once per job id. Whether a result counts is decided in Redis by the worker's
/// outcome script (<c>outcome:{id}</c>, SET NX), together with the counters: a store only keeps the data.
/// </summary>
public interface IResultStore
{
    string Kind { get; }

    /// <summary>True when the outcome script itself writes the result (<c>result:{id}</c>), so there is nothing to do before it.</summary>
    bool WritesInOutcomeScript { get; }

    /// <summary>Writes the result before the outcome is decided (idempotent by job id); true when this call inserted it.</summary>
    Task<bool> WriteAsync(JobResult result, CancellationToken cancellationToken);

    /// <summary>Takes back a result <see cref="WriteAsync"/> inserted when the job's outcome went the other way (dead-lettered).</summary>
    Task RetractAsync(string id, CancellationToken cancellationToken);

    /// <summary>True when a result for the id is already kept (a crash between the write and the outcome script).</summary>
    Task<bool> HasResultAsync(string id, CancellationToken cancellationToken);

    Task<AnalyticsSummary> GetSummaryAsync(CancellationToken cancellationToken);

    Task PingAsync(CancellationToken cancellationToken);
}
