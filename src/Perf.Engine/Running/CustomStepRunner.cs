using System.Diagnostics;
using Perf.Engine.Profiles;

namespace Perf.Engine.Running;

/// <summary>Runs a custom C# step under the request timeout and records it like a request.</summary>
internal static class CustomStepRunner
{
    public static async Task<(FlowOutcome Outcome, long Completed)> RunAsync(
        RunContext context, CompiledScenario scenario, CompiledCustomStep step, StepContext stepContext, long intended, StepOrigin origin)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.Token);
        timeout.CancelAfter(context.Timeout);
        StepResult result;
        ErrorKind? error = null;
        context.RequestStarted();
        try
        {
            result = await step.Step.Action(stepContext, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.Token.IsCancellationRequested)
        {
            context.RequestEnded();
            context.RequestCancelled();
            return (FlowOutcome.Cancelled, 0);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            result = StepResult.Fail();
            error = ErrorKind.Timeout;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The step's own failure (a Redis error, a bug): counted like a failed step, never lost.
            result = StepResult.Fail();
        }

        var completed = Stopwatch.GetTimestamp();
        context.RequestEnded();
        if (!result.Succeeded)
        {
            error ??= ErrorKind.StepFailed;
        }

        context.Recorder.StepFinished(origin, scenario.Index, step.KeyIndex, (completed - intended) * 1_000_000 / Stopwatch.Frequency, result.Status ?? 0, error);

        // Like a failed expectation, a failed custom step ends the virtual user.
        return (error is null ? FlowOutcome.Succeeded : FlowOutcome.Failed, completed);
    }
}
