namespace Perf.Engine.Profiles;

/// <summary>The outcome of a custom step; <see cref="Status"/> is counted with the HTTP status codes when set.</summary>
public sealed record StepResult(bool Succeeded, int? Status = null)
{
    private static readonly StepResult PlainOk = new(true);

    public static StepResult Ok(int? status = null) => status is null ? PlainOk : new StepResult(true, status);

    /// <summary>A failure ends the virtual user's flow, like a failed expectation, and counts as error kind <c>stepFailed</c>.</summary>
    public static StepResult Fail(int? status = null) => new(false, status);
}
