namespace SystemUnderTest.Contracts;

/// <summary>Body of POST /payments. Every member is nullable so that a missing field is a 422, not a binder error.</summary>
public sealed class PaymentRequest
{
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public string? CustomerId { get; set; }
    public string? Description { get; set; }
}
