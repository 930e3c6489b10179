namespace Perf.Fixtures.JobSystems;

/// <summary>The ids a job system finished: completed (stored) ids, and per id the number of its failed-for-good (dead-letter) records.</summary>
public sealed record FinishedJobs(IReadOnlySet<string> Completed, IReadOnlyDictionary<string, int> Failed)
{
    /// <summary>The state both systems give a job that completed, and one that failed for good.</summary>
    public const string CompletedState = "completed";
    public const string FailedState = "failed";
    public const string MissingState = "missing";
}
