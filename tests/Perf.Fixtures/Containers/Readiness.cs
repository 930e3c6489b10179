using System.Diagnostics;

namespace Perf.Fixtures.Containers;

/// <summary>
/// Waits for a readiness signal with a deadline; checks between attempts whether the thing waited for has
/// already failed (a container that exited), so a dead start is reported at once instead of at the deadline.
/// </summary>
public static class Readiness
{
    public static async Task<TimeSpan> WaitAsync(
        string whatFor,
        TimeSpan deadline,
        Func<CancellationToken, Task<bool>> isReady,
        Func<CancellationToken, Task<string?>>? failedBecause,
        CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(20);
        string? lastError = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
                attempt.CancelAfter(TimeSpan.FromSeconds(5));
                if (await isReady(attempt.Token).ConfigureAwait(false))
                {
                    return watch.Elapsed;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                lastError = ex.GetType().Name + ": " + ex.Message;
            }

            if (failedBecause is not null && await failedBecause(ct).ConfigureAwait(false) is { } failure)
            {
                throw new TimeoutException($"Gave up waiting for {whatFor}: {failure}");
            }

            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException(
                    $"Waited {deadline.TotalSeconds:0} s for {whatFor} and it did not happen" +
                    (lastError is null ? "." : $" (last error: {lastError})."));
            }

            await Task.Delay(delay, ct).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }
}
