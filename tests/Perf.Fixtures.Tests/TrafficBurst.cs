using System.Net;
using System.Net.Http.Json;

namespace Perf.Fixtures.Tests;

/// <summary>A short, bounded burst of real job submissions against the API (127.0.0.1 only).</summary>
internal static class TrafficBurst
{
    public static async Task<int> PostPaymentsAsync(Uri api, int count, int concurrency)
    {
        using var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(10) };
        var accepted = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            using var response = await client.PostAsJsonAsync(
                "payments", new { amount = 10 + (i % 90), currency = "EUR", customerId = $"c-{i % 50}" }, ct);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                Interlocked.Increment(ref accepted);
            }
        });
        return accepted;
    }
}
