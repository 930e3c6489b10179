using System.Buffers;
using System.Diagnostics;
using Perf.Engine.Templates;

namespace Perf.Engine.Running;

/// <summary>
/// Runs one arrival's flow. Latency is measured from the intended start: for the first request the arrival's
/// scheduled time, for each later request the completion of the one before (k6's open-model convention).
/// </summary>
internal static class VirtualUser
{
    private const int DrainBufferSize = 16 * 1024;

    public static async Task<FlowOutcome> RunFlowAsync(RunContext context, CompiledScenario scenario, long intendedTimestamp)
    {
        var variables = scenario.NeedsVariables ? context.NewVariables() : null;
        var requestIntended = intendedTimestamp;
        foreach (var step in scenario.Steps)
        {
            var (outcome, completed) = await SendAsync(context, scenario, step, variables, requestIntended).ConfigureAwait(false);
            if (outcome != FlowOutcome.Succeeded)
            {
                return outcome;
            }

            requestIntended = completed;
        }

        return FlowOutcome.Succeeded;
    }

    private static async Task<(FlowOutcome Outcome, long Completed)> SendAsync(
        RunContext context, CompiledScenario scenario, CompiledStep step, Dictionary<string, string>? variables, long intended)
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
            if (step.Captures.Length > 0)
            {
                body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
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
        if (error is null && body is not null && !Capture(step, body, variables!))
        {
            error = ErrorKind.CaptureFailed;
        }

        var latencyMicros = (completed - intended) * 1_000_000 / Stopwatch.Frequency;
        step.Recorder.Record(latencyMicros, status, error);
        scenario.Recorder.Record(latencyMicros, status, error);
        context.Totals.Record(latencyMicros, status, error);
        context.RequestRecorded(latencyMicros, error is not null);

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
