namespace SystemUnderTest.Contracts;

/// <summary>Where the MongoDB result store keeps one document per job id (<c>_id</c> = the job id).</summary>
public static class MongoResults
{
    /// <summary>The database unless Store__MongoDatabase names another.</summary>
    public const string DefaultDatabase = "perf";

    public const string Collection = "results";
}
