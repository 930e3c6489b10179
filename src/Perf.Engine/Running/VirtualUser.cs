using System.Buffers;
using System.Diagnostics;
using Perf.Engine.Profiles;
using Perf.Engine.Templates;

namespace Perf.Engine.Running;

/// <summary>
/// Runs one arrival's flow. Latency is measured from the intended start: for the first step the arrival's
/// scheduled time, for each later step the completion of the one before, plus any think time in between (k6's
/// open-model convention).
/// </summary>
internal static class VirtualUser
{
    private const int DrainBufferSize = 16 * 1024;

    /// <summary>One virtual user (open model) or iteration (closed model): runs the flow and counts how it ended.</summary>
    /// <remarks>
    /// Every step is recorded in <paramref name="phaseIndex"/>, the phase the arrival (or iteration) was scheduled in,
    /// even when it completes after that phase ended, so a slow phase's latency is not booked to the next one.
    /// </remarks>
    public static async Task RunAsync(RunContext context, CompiledScenario scenario, long intendedTimestamp, LoadModel model, int phaseIndex)
    {
        scenario.VirtualUserCreated(model);
        try
        {
            var outcome = await RunFlowAsync(context, scenario, intendedTimestamp, new StepOrigin(model, phaseIndex)).ConfigureAwait(false);
            if (outcome == FlowOutcome.Succeeded)
            {
                scenario.VirtualUserCompleted(model);
            }
            else if (outcome == FlowOutcome.Failed)
            {
                scenario.VirtualUserFailed(model);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in a flow must not take the process down from a fire-and-forget task; it counts as a failed user.
            scenario.VirtualUserFailed(model);
        }
    }

    private static async Task<FlowOutcome> RunFlowAsync(RunContext context, CompiledScenario scenario, long intendedTimestamp, StepOrigin origin)
    {
        var variables = scenario.NeedsVariables ? context.NewVariables() : null;
        StepContext? stepContext = null;
        var stepIntended = intendedTimestamp;
        foreach (var step in scenario.Steps)
        {
            (FlowOutcome Outcome, long Completed) result;
            switch (step)
            {
                case CompiledStep request:
                    result = await SendAsync(context, scenario, request, variables, stepIntended, origin).ConfigureAwait(false);
                    break;
                case CompiledThink think:
                    // The pause ends at an intended time, so a late wake-up shows in the next step's latency.
                    stepIntended += think.Ticks;
                    if (!await ThinkAsync(context, stepIntended).ConfigureAwait(false))
                    {
                        return FlowOutcome.Cancelled;
                    }

                    continue;
                case CompiledCustomStep custom:
                    stepContext ??= context.NewStepContext(scenario, variables!);
                    result = await CustomStepRunner.RunAsync(context, scenario, custom, stepContext, stepIntended, origin).ConfigureAwait(false);
                    break;
                default:
                    throw new InvalidOperationException($"unknown step {step.GetType().Name}");
            }

            if (result.Outcome != FlowOutcome.Succeeded)
            {
                return result.Outcome;
            }

            stepIntended = result.Completed;
        }

        return FlowOutcome.Succeeded;
    }

    private static async Task<bool> ThinkAsync(RunContext context, long until)
    {
        // The timer may fire a little early; the pause is not over before its intended end.
        for (var remaining = until - Stopwatch.GetTimestamp(); remaining > 0; remaining = until - Stopwatch.GetTimestamp())
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(remaining / (double)Stopwatch.Frequency, 0.001)), context.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<(FlowOutcome Outcome, long Completed)> SendAsync(
        RunContext context, CompiledScenario scenario, CompiledStep step, Dictionary<string, string>? variables, long intended, StepOrigin origin)
    {
        using var request = BuildRequest(step, variables);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.Token);
        timeout.CancelAfter(context.Timeout);
        var status = 0;
        ErrorKind? error = null;
        byte[]? body = null;
        context.RequestStarted();
        try
        {
            using var response = await context.Invoker.SendAsync(request, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;

            // A failed status is the error to report, so its body is only drained, never kept for captures.
            if (step.Captures.Length > 0 && ErrorClassifier.FromStatus(status, step.Expected) is null)
            {
                body = await BoundedBody.ReadAsync(response.Content, context.MaxCaptureBodyBytes, timeout.Token).ConfigureAwait(false);
                error = body is null ? ErrorKind.BodyTooLarge : null;
            }
            else
            {
                await DrainAsync(response.Content, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.Token.IsCancellationRequested)
        {
            context.RequestEnded();
            context.RequestCancelled();
            return (FlowOutcome.Cancelled, 0);
        }
        catch (OperationCanceledException)
        {
            error = ErrorKind.Timeout;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            error = ErrorClassifier.FromException(e);
        }

        var completed = Stopwatch.GetTimestamp();
        context.RequestEnded();
        error ??= ErrorClassifier.FromStatus(status, step.Expected);
        if (error is null && body is not null)
        {
            if (!Capture(step, body, variables!))
            {
                error = ErrorKind.CaptureFailed;
            }
            else
            {
                foreach (var (capture, recorder) in step.Ledger)
                {
                    recorder.Add(variables![capture]);
                }
            }
        }

        context.Recorder.StepFinished(origin, scenario.Index, step.KeyIndex, (completed - intended) * 1_000_000 / Stopwatch.Frequency, status, error);

        // Artillery stops a virtual user at a transport error, failed expectation or failed capture; a plain
        // 4xx/5xx without expectations lets the flow go on, as it does in Artillery.
        var stop = error is not null && (error is not (ErrorKind.Http4xx or ErrorKind.Http5xx) || step.Expected.Length > 0 || step.Captures.Length > 0);
        return (stop ? FlowOutcome.Failed : FlowOutcome.Succeeded, completed);
    }

    private static HttpRequestMessage BuildRequest(CompiledStep step, Dictionary<string, string>? variables)
    {
        var uri = step.ConstantUri ?? step.BuildUri(step.Url.Render(variables!));
        var request = new HttpRequestMessage(step.Method, uri);
        if (step.Body is not null)
        {
            var bytes = step.ConstantBody ?? System.Text.Encoding.UTF8.GetBytes(step.Body.Render(variables!, jsonEscape: true));
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        foreach (var (name, value) in step.Headers)
        {
            var text = value.IsConstant ? value.Source : value.Render(variables!);
            if (!request.Headers.TryAddWithoutValidation(name, text) && request.Content is not null)
            {
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, text);
            }
        }

        return request;
    }

    private static bool Capture(CompiledStep step, byte[] body, Dictionary<string, string> variables)
    {
        foreach (var capture in step.Captures)
        {
            if (!JsonPathReader.TryRead(body, capture.JsonPath, out var value))
            {
                return false;
            }

            variables[capture.As] = value;
        }

        return true;
    }

    /// <summary>Reads the body to its end so the connection returns to the pool, without keeping it.</summary>
    private static async Task DrainAsync(HttpContent content, CancellationToken token)
    {
        var stream = await content.ReadAsStreamAsync(token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(DrainBufferSize);
            try
            {
                while (await stream.ReadAsync(buffer, token).ConfigureAwait(false) > 0)
                {
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
