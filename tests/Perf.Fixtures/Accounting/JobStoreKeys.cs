using SystemUnderTest.Contracts;

namespace Perf.Fixtures.Accounting;

/// <summary>
/// What the id audit reads beyond the SUT's contract (SystemUnderTest.Contracts, which names every key and field): the
/// requests that create a job, and the dead-letter stream of each job stream.
/// </summary>
public static class JobStoreKeys
{

    /// <summary>The requests that create a job and answer 202 <c>{"id": ...}</c>.</summary>
    public static IReadOnlyList<string> JobRequests { get; } = ["POST /payments", "POST /notifications"];

    public static IEnumerable<string> DeadLetterStreams => PerfEnvironment.JobStreams.Select(RedisKeys.DeadLetter);
}
