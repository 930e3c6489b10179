using System.Diagnostics;
using System.Text.Json;
using Perf.Engine.Reporting;
using Perf.Model.Accounting;
using Perf.Model.Metrics;
using SystemUnderTest.Contracts;

namespace Perf.Fixtures.Accounting;

/// <summary>Waits (bounded) for the job streams to drain after the load stops, then settles the job accounts.</summary>
public static class JobAccountant
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Accepted jobs as the clients saw them: 202 answers to the two job-creating requests.</summary>
    public static long AcceptedByClients(RunReport load) =>
        load.Requests.Where(r => r.Method == "POST" && r.Url is "/payments" or "/notifications").Sum(r => r.Stats.Status(202));

    public static async Task<JobAccounting> SettleAsync(PerfEnvironment environment, long acceptedByClients, CancellationToken ct)
    {
        var system = environment.JobSystem;
        var watch = Stopwatch.StartNew();
        var notes = new List<string>();
        IReadOnlyList<QueueState> queues = [];
        JobCounters counters = JobCounters.Empty;
        var drained = false;
        while (true)
        {
            try
            {
                queues = await system.QueuesAsync().ConfigureAwait(false);
                counters = await system.CountersAsync().ConfigureAwait(false);
                var accepted = Math.Max(acceptedByClients, counters.Accepted);
                if (queues.Sum(q => q.Lag + q.Pending) == 0 && counters.Processed + counters.DeadLettered >= accepted)
                {
                    drained = true;
                    break;
                }
            }
            catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
            {
                notes.Add($"Redis unreadable while draining: {ex.Message}");
            }

            if (watch.Elapsed > environment.Settings.DrainTimeout)
            {
                notes.Add($"Queues did not drain within {environment.Settings.DrainTimeout.TotalSeconds:0} s: " +
                          string.Join(", ", queues.Select(q => $"{q.Stream} lag {q.Lag} pending {q.Pending}")));
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct).ConfigureAwait(false);
        }

        var stillQueued = queues.Sum(q => q.Lag + q.Pending);
        var acceptedTotal = Math.Max(acceptedByClients, counters.Accepted);
        if (counters.Accepted < acceptedByClients)
        {
            notes.Add($"The SUT counted {counters.Accepted} accepted jobs but clients got {acceptedByClients} 202 answers: " +
                      "its counters lost data (an eviction or a Redis restart).");
        }
        else if (counters.Accepted > acceptedByClients)
        {
            notes.Add($"The SUT accepted {counters.Accepted - acceptedByClients} job(s) whose 202 answer the client did not get (timed out or cut).");
        }

        var unaccounted = acceptedTotal - counters.Processed - counters.DeadLettered - stillQueued;
        if (unaccounted < 0 && stillQueued > 0)
        {
            // A delivery whose result was stored but whose XACK failed (Redis refused the write) is both processed and
            // pending until a worker reclaims it; it is not a loss, and not a second job.
            notes.Add($"{Math.Min(-unaccounted, stillQueued)} pending entr(y/ies) were already stored but not yet acknowledged.");
            stillQueued -= Math.Min(-unaccounted, stillQueued);
            unaccounted = acceptedTotal - counters.Processed - counters.DeadLettered - stillQueued;
        }

        var latency = await ReadJobLatencyAsync(environment, notes, ct).ConfigureAwait(false);
        return new JobAccounting(acceptedByClients, counters.Accepted, acceptedTotal, counters.Processed, counters.DeadLettered,
            stillQueued, unaccounted, counters.Duplicates, drained, Math.Round(watch.Elapsed.TotalSeconds, 1), latency, notes);
    }

    private static async Task<JobLatency?> ReadJobLatencyAsync(PerfEnvironment environment, List<string> notes, CancellationToken ct)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(environment.ApiBaseUrl, "metrics/jobs"), ct).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var metrics = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false), SutJsonContext.Default.JobMetrics);
            if (metrics?.JobLatencyMs is not { } latency)
            {
                notes.Add("End-to-end job latency unavailable: GET /metrics/jobs answered without jobLatencyMs");
                return null;
            }

            return new JobLatency(latency.Count, latency.P50, latency.P95, latency.P99, latency.Max);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or TaskCanceledException)
        {
            notes.Add($"End-to-end job latency unavailable: {ex.Message}");
            return null;
        }
    }
}
