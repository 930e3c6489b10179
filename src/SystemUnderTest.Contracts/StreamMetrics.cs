namespace SystemUnderTest.Contracts;

/// <summary>One job stream in GET /metrics/jobs.</summary>
public sealed record StreamMetrics(string Name, long Length, long Pending, long Lag, long DeadLetterLength);
