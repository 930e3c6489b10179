namespace SystemUnderTest.Contracts;

/// <summary>Body of GET /payments/{id}; times are unix milliseconds.</summary>
public sealed record PaymentStatusResponse(
    string Id,
    string Status,
    decimal Amount,
    string Currency,
    string CustomerId,
    string? Description,
    long EnqueuedAt,
    long? CompletedAt);
