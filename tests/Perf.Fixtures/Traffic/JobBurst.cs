using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using SystemUnderTest.Contracts;

namespace Perf.Fixtures.Traffic;

/// <summary>
/// A bounded burst of job submissions (POST of a JSON body) at a fixed concurrency, to 127.0.0.1 only. Keeps the
/// ids of accepted jobs so a test can check each one afterwards; a time bound ends the burst early.
/// </summary>
public static class JobBurst
{
    /// <summary>
    /// Posts <paramref name="count"/> bodies (<paramref name="bodyOf"/> of the index) to <paramref name="path"/>, each with the
    /// Idempotency-Key <paramref name="keyOf"/> gives for its index (none when it returns null).
    /// </summary>
    public static async Task<BurstResult> PostAsync(
        Uri api, string path, Func<int, object> bodyOf, int count, int concurrency, TimeSpan bound, Func<int, string?>? keyOf = null)
    {
        using var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(5) };
        using var stop = new CancellationTokenSource(bound);
        var ids = new ConcurrentBag<string>();
        var idsByKey = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
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
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
                        {
                            Content = new StringContent(JsonSerializer.Serialize(bodyOf(i)), Encoding.UTF8, "application/json"),
                        };
                        var key = keyOf?.Invoke(i);
                        if (key is not null)
                        {
                            request.Headers.Add(JobHeaders.IdempotencyKey, key);
                        }

                        using var response = await client.SendAsync(request, ct).ConfigureAwait(false);
                        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
                            ids.Add(id);
                            if (key is not null)
                            {
                                idsByKey[key] = id;
                            }
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
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The time bound ended the burst early; what was sent is reported.
        }

        return new BurstResult(sent, ids.Count, new Dictionary<int, int>(statuses), transportErrors, firstRefusal) { AcceptedIds = ids.ToList(), AcceptedIdsByKey = new Dictionary<string, string>(idsByKey, StringComparer.Ordinal) };
    }

    /// <summary>Payments of varied amounts from 50 customers.</summary>
    public static Task<BurstResult> PaymentsAsync(Uri api, int count, int concurrency, TimeSpan bound) =>
        PostAsync(api, "payments", i => new { amount = 10 + (i % 90), currency = "EUR", customerId = $"c-{i % 50}" }, count, concurrency, bound);
}
