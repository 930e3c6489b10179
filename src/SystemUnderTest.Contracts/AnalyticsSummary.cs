namespace SystemUnderTest.Contracts;

/// <summary>Body of GET /analytics/summary.</summary>
public sealed record AnalyticsSummary(
    PaymentsSummary Payments,
    NotificationsSummary Notifications,
    LatencyAverage JobLatencyMs,
    bool Cached,
    DateTimeOffset GeneratedAt);
