namespace SystemUnderTest.Contracts;

/// <summary>Payments in the analytics summary.</summary>
public sealed record PaymentsSummary(long Count, decimal TotalAmount, Dictionary<string, CurrencySummary> ByCurrency);
