namespace SystemUnderTest.Jobs;

/// <summary>Notifications in the analytics summary.</summary>
public sealed record NotificationsSummary(long Count);
