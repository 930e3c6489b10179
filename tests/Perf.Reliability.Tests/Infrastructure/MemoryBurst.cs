using Perf.Fixtures;
using Perf.Fixtures.Traffic;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>
/// The memory-pressure cases' shared steps: a burst of large notifications into a capped Redis, a short wait for the
/// worker to finish them without help, and, where asked, the relief an operator would give a stalled noeviction
/// Redis (more memory), so the accounts can then settle.
/// </summary>
internal static class MemoryBurst
{
    public const string Path = "notifications";

    /// <summary>About 2 KB of Redis memory per job, so a burst of a few thousand fills a cap of a few megabytes.</summary>
    private static readonly string Message = new('m', 1000);

    public static object Body(int index) => new { userId = $"u-{index % 50}", channel = "email", message = Message };

    public static async Task<MemoryBurstResult> SendAsync(
        PerfEnvironment environment, string name, int size, Func<int, string?> keyOf, TimeSpan waitWithoutHelp, bool relieve, Action<string> log, CancellationToken ct)
    {
        var burst = await JobBurst.PostAsync(environment.ApiBaseUrl, Path, Body, size, concurrency: 16, TimeSpan.FromSeconds(30), keyOf);
        log($"{name}: burst sent {burst.Sent}, accepted {burst.Accepted}, status codes {{{string.Join(", ", burst.StatusCodes.Select(kv => $"{kv.Key}: {kv.Value}"))}}}, " +
            $"transport errors {burst.TransportErrors}; first refusal: {burst.FirstRefusal}");
        try
        {
            await Eventually.WaitAsync($"the accepted jobs of the {name} burst to be processed without help", waitWithoutHelp,
                async _ => (await environment.JobSystem.CountersAsync()).Processed >= burst.Accepted, null, ct);
        }
        catch (TimeoutException)
        {
            // A stall is an outcome to record, not an error here.
        }

        var processedBeforeRelief = (await environment.JobSystem.CountersAsync()).Processed;
        string? relief = null;
        if (relieve && processedBeforeRelief < burst.Accepted)
        {
            // noeviction refuses the workers' own writes too: the queue stalls until memory is added.
            relief = "CONFIG SET maxmemory 0 after the burst (an operator adding memory); the queue had stalled";
            await environment.Redis.GetServers().First().ConfigSetAsync("maxmemory", "0");
            log($"{name}: processed {processedBeforeRelief} of {burst.Accepted} before relief: {relief}");
        }

        return new MemoryBurstResult(burst, processedBeforeRelief, relief);
    }
}
