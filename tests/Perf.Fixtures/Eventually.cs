using System.Diagnostics;

namespace Perf.Fixtures;

/// <summary>
/// Polls until a condition holds or a deadline passes; the failure says what was awaited, the last value and the
/// last error. Between attempts it can ask whether the thing waited for has already failed (a container that
/// exited), so a dead start is reported at once instead of at the deadline.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Waits until <paramref name="isReady"/> answers true; returns how long that took.</summary>
    public static async Task<TimeSpan> WaitAsync(
        string what,
        TimeSpan timeout,
        Func<CancellationToken, Task<bool>> isReady,
        Func<CancellationToken, Task<string?>>? failedBecause = null,
        CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        await WaitAsync(what, timeout, isReady, ready => ready, failedBecause, ct).ConfigureAwait(false);
        return watch.Elapsed;
    }

    /// <summary>Waits until the value <paramref name="probe"/> reads meets <paramref name="condition"/>; returns that value.</summary>
    public static async Task<T> WaitAsync<T>(
        string what,
        TimeSpan timeout,
        Func<CancellationToken, Task<T>> probe,
        Func<T, bool> condition,
        Func<CancellationToken, Task<string?>>? failedBecause = null,
        CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var delay = FirstDelay;
        var read = false;
        T last = default!;
        string? lastError = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
                attempt.CancelAfter(AttemptTimeout);
                last = await probe(attempt.Token).ConfigureAwait(false);
                read = true;
                if (condition(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                lastError = ex.GetType().Name + ": " + ex.Message;
            }

            if (failedBecause is not null && await failedBecause(ct).ConfigureAwait(false) is { } failure)
            {
                throw new TimeoutException($"Gave up waiting for {what}: {failure}");
            }

            if (watch.Elapsed > timeout)
            {
                var seen = new List<string>();
                if (read && typeof(T) != typeof(bool))
                {
                    seen.Add($"last value: {last}");
                }

                if (lastError is not null)
                {
                    seen.Add($"last error: {lastError}");
                }

                throw new TimeoutException(
                    $"Waited {timeout.TotalSeconds:0.#} s for {what} and it did not happen" +
                    (seen.Count == 0 ? "." : $" ({string.Join("; ", seen)})."));
            }

            await Task.Delay(delay, ct).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, MaxDelay.TotalMilliseconds));
        }
    }
}
