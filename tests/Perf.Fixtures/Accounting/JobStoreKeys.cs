namespace Perf.Fixtures.Accounting;

/// <summary>
/// The SUT's keys the id audit reads (docs/system-under-test.md, "Redis keys"): results, job state, dead letters.
/// They are the SUT's contract, not its code, so the audit stays independent of the system it judges.
/// </summary>
public static class JobStoreKeys
{
    public const string ResultPrefix = "result:";
    public const string JobStatePrefix = "job:";
    public const string DeadLetterSuffix = ":dead";
    public const string StatusField = "status";
    public const string IdField = "id";
    public const string MongoDatabase = "perf";
    public const string MongoCollection = "results";

    /// <summary>The requests that create a job and answer 202 <c>{"id": ...}</c>.</summary>
    public static IReadOnlyList<string> JobRequests { get; } = ["POST /payments", "POST /notifications"];

    public static string Result(string id) => ResultPrefix + id;

    public static string JobState(string id) => JobStatePrefix + id;

    public static IEnumerable<string> DeadLetterStreams => PerfEnvironment.JobStreams.Select(s => s + DeadLetterSuffix);
}
