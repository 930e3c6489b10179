namespace SystemUnderTest.Contracts;

/// <summary>202 body of POST /payments and POST /notifications.</summary>
public sealed record AcceptedResponse(string Id, string Status);
