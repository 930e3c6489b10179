namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>One direct request's answer: status (0 when none came), content type, Retry-After, how long it took.</summary>
internal sealed record ProbeAnswer(int Status, string? ContentType, bool HasRetryAfter, TimeSpan Elapsed, string Body)
{
    public override string ToString() => $"{Status} {ContentType} (Retry-After {HasRetryAfter}) in {Elapsed.TotalMilliseconds:0} ms: {Body}";
}
