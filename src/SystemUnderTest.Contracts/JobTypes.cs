namespace SystemUnderTest.Contracts;

/// <summary>Job types as written in the <c>type</c> field of stream entries and job hashes.</summary>
public static class JobTypes
{
    public const string Payment = "payment";
    public const string Notification = "notification";
}
