using System.Diagnostics;
using Perf.Engine.Profiles;

namespace Perf.Engine.Running;

/// <summary>
/// Runs a custom C# step under its timeout (<see cref="RunOptions.CustomStepTimeout"/>, else the request timeout) and
/// records it like a request. At the timeout the step's token is cancelled and the step is no longer awaited: one that
/// ignores its token is abandoned (counted, its task left to finish on its own) so the flow and the run end on time.
/// </summary>
internal static class CustomStepRunner
{
    /// <summary>
    /// After its token is cancelled a step that honours it needs a moment to unwind (its cancellation callback may run
    /// after the engine's); one still running after this grace ignored its token and is abandoned.
    /// </summary>
    private static readonly TimeSpan UnwindGrace = TimeSpan.FromMilliseconds(100);

    public static async Task<(FlowOutcome Outcome, long Completed)> RunAsync(
        RunContext context, CompiledScenario scenario, CompiledCustomStep step, StepContext stepContext, long intended, StepOrigin origin)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.Token);
        timeout.CancelAfter(context.StepTimeout);
        StepResult result;
        ErrorKind? error = null;
        Task<StepResult>? running = null;
        long? timedOut = null;
        context.RequestStarted();
        try
        {
            running = step.Step.Action(stepContext, timeout.Token).AsTask();
            result = await running.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.Token.IsCancellationRequested)
        {
            await AbandonIfStillRunningAsync(context, running).ConfigureAwait(false);
            context.RequestEnded();
            context.RequestCancelled();
            return (FlowOutcome.Cancelled, 0);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            timedOut = Stopwatch.GetTimestamp();
            await AbandonIfStillRunningAsync(context, running).ConfigureAwait(false);
            result = StepResult.Fail();
            error = ErrorKind.Timeout;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The step's own failure (a Redis error, a bug): counted like a failed step, never lost.
            result = StepResult.Fail();
        }

        // A timed-out step ends at its timeout, not after the grace it was given to unwind.
        var completed = timedOut ?? Stopwatch.GetTimestamp();
        context.RequestEnded();
        if (!result.Succeeded)
        {
            error ??= ErrorKind.StepFailed;
        }

        context.Recorder.StepFinished(origin, scenario.Index, step.KeyIndex, (completed - intended) * 1_000_000 / Stopwatch.Frequency, result.Status ?? 0, error);

        // Like a failed expectation, a failed custom step ends the virtual user.
        return (error is null ? FlowOutcome.Succeeded : FlowOutcome.Failed, completed);
    }

    /// <summary>A step still running a grace after its token fired is counted and left behind; its eventual exception is observed, never rethrown.</summary>
    private static async Task AbandonIfStillRunningAsync(RunContext context, Task<StepResult>? running)
    {
        if (running is null || running.IsCompleted)
        {
            return;
        }

        await Task.WhenAny(running, Task.Delay(UnwindGrace, CancellationToken.None)).ConfigureAwait(false);
        if (running.IsCompleted)
        {
            _ = running.Exception;
            return;
        }

        context.StepAbandoned();
        _ = running.ContinueWith(static task => _ = task.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
