namespace SystemUnderTest.Worker;

/// <summary>
/// One stream entry handed to a processor, with how often Redis has delivered it so far and the W3C trace context of
/// its enqueue (null when nothing traced it), and the Redis key of its idempotency record (null for a keyless job).
/// </summary>
public sealed record JobEnvelope(
    string Stream,
    string EntryId,
    string Id,
    string Type,
    string PayloadJson,
    long EnqueuedAtMs,
    long DeliveryCount,
    string? TraceParent = null,
    string? TraceState = null,
    string? IdempotencyRecord = null);
