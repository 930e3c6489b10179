namespace SystemUnderTest.Contracts;

/// <summary>Values of the <see cref="JobFields.Status"/> field of a job state hash, and of the 202 body's status.</summary>
public static class JobStatuses
{
    public const string Queued = "queued";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
