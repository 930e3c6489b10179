namespace SystemUnderTest.Contracts;

/// <summary>Payments of one currency in the analytics summary.</summary>
public sealed record CurrencySummary(long Count, decimal TotalAmount);
