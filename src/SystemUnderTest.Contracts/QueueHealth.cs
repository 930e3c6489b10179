namespace SystemUnderTest.Contracts;

/// <summary>Queue totals over the job streams in GET /health.</summary>
public sealed record QueueHealth(long Length, long Pending, long Lag, long DeadLetterLength);
