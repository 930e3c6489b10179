using Perf.Fixtures;
using Perf.Fixtures.JobSystems;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>What the job system still keeps of accepted jobs, read through the seam so that both systems count alike.</summary>
internal static class JobRecords
{
    /// <summary>Accepted ids whose job record the job system no longer has (GET /payments/{id} would say 404).</summary>
    public static async Task<long> CountMissingAsync(PerfEnvironment environment, IReadOnlyList<string> ids, CancellationToken ct) =>
        (await environment.JobSystem.ReadJobsAsync(ids, ct)).Count(trace => trace.State == FinishedJobs.MissingState);
}
