namespace SystemUnderTest.Worker;

/// <summary>One stream entry handed to a processor, with how often Redis has delivered it so far.</summary>
public sealed record JobEnvelope(
    string Stream,
    string EntryId,
    string Id,
    string Type,
    string PayloadJson,
    long EnqueuedAtMs,
    long DeliveryCount);
