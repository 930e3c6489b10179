namespace SystemUnderTest.Contracts;

/// <summary>Body of POST /notifications. Every member is nullable so that a missing field is a 422, not a binder error.</summary>
public sealed class NotificationRequest
{
    public string? UserId { get; set; }
    public string? Channel { get; set; }
    public string? Message { get; set; }
}
