namespace Perf.Engine.Profiles;

/// <summary>
/// A custom step. The token is cancelled when the step exceeds the request timeout or the run is cancelled; an
/// exception other than that cancellation counts as a failed step.
/// </summary>
public delegate ValueTask<StepResult> StepAction(StepContext context, CancellationToken cancellationToken);
