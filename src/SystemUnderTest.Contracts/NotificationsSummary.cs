namespace SystemUnderTest.Contracts;

/// <summary>Notifications in the analytics summary.</summary>
public sealed record NotificationsSummary(long Count);
