namespace SystemUnderTest.Contracts;

/// <summary>Request headers of the job POSTs.</summary>
public static class JobHeaders
{
    /// <summary>Optional: the same key within its TTL answers with the first request's job instead of a new one.</summary>
    public const string IdempotencyKey = "Idempotency-Key";
}
