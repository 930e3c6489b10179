namespace SystemUnderTest.Api;

/// <summary>Lets a problem result convert into any <see cref="BodyResult{T}"/> without naming T at the call site.</summary>
public readonly record struct ProblemHttpResultBox(IResult Result);
