namespace SystemUnderTest.Contracts;

/// <summary>What the worker stores once per job id.</summary>
public sealed record JobResult(
    string Id,
    string Type,
    decimal? Amount,
    string? Currency,
    string? Channel,
    long EnqueuedAtMs,
    long CompletedAtMs)
{
    public long LatencyMs => Math.Max(0, CompletedAtMs - EnqueuedAtMs);
}
