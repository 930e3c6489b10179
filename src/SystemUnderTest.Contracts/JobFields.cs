namespace SystemUnderTest.Contracts;

/// <summary>Field names of a job stream entry and of the job state hash <c>job:{id}</c> (docs/system-under-test.md).</summary>
public static class JobFields
{
    public const string Id = "id";
    public const string Type = "type";

    /// <summary>In the stream entry only: the request body as the system serializes it.</summary>
    public const string Payload = "payload";

    /// <summary>Unix milliseconds of the enqueue.</summary>
    public const string EnqueuedAt = "enqueuedAt";

    /// <summary>In the job state hash only: one of <see cref="JobStatuses"/>.</summary>
    public const string Status = "status";

    /// <summary>In the job state hash only, once stored: unix milliseconds.</summary>
    public const string CompletedAt = "completedAt";

    /// <summary>A payment's request fields in its job state hash.</summary>
    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string CustomerId = "customerId";
    public const string Description = "description";

    /// <summary>A notification's request fields in its job state hash.</summary>
    public const string UserId = "userId";
    public const string Channel = "channel";
    public const string Message = "message";
}
