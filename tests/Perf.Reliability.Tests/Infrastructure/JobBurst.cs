using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>
/// A bounded burst of POST /notifications with large messages (about 2 KB of Redis memory per job), at a fixed
/// concurrency, to 127.0.0.1 only. Keeps the ids of accepted jobs so the test can check each one afterwards.
/// </summary>
internal static class JobBurst
{
    public static async Task<BurstResult> PostNotificationsAsync(Uri api, int count, int concurrency, TimeSpan bound)
    {
        using var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(5) };
        using var stop = new CancellationTokenSource(bound);
        var message = new string('m', 1000);
        var ids = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var transportErrors = 0;
        var sent = 0;
        string? firstRefusal = null;
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = stop.Token },
                async (i, ct) =>
                {
                    Interlocked.Increment(ref sent);
                    var body = JsonSerializer.Serialize(new { userId = $"u-{i % 50}", channel = "email", message });
                    try
                    {
                        using var content = new StringContent(body, Encoding.UTF8, "application/json");
                        using var response = await client.PostAsync(new Uri("notifications", UriKind.Relative), content, ct);
                        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                        var text = await response.Content.ReadAsStringAsync(ct);
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            ids.Add(JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!);
                        }
                        else
                        {
                            Interlocked.CompareExchange(ref firstRefusal, $"{(int)response.StatusCode} {response.Content.Headers.ContentType}: {text}", null);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref transportErrors);
                    }
                    catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref transportErrors);
                    }
                });
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The time bound ended the burst early; what was sent is reported.
        }

        return new BurstResult(sent, ids.Count, new Dictionary<int, int>(statuses), transportErrors, firstRefusal) { AcceptedIds = ids.ToList() };
    }
}
