namespace SystemUnderTest.Contracts;

/// <summary>Body of GET /health (200 or 503).</summary>
public sealed record HealthResponse(string Status, string Redis, string Store, string StoreKind, QueueHealth? Queue);
