namespace SystemUnderTest.Api;

/// <summary>Either a parsed body or the problem response to send instead.</summary>
public readonly record struct BodyResult<T>(T? Value, IResult? Error)
    where T : class
{
    public static implicit operator BodyResult<T>(ProblemHttpResultBox problem) => new(null, problem.Result);
}
