using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Perf.Fixtures;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>Direct requests to the API (127.0.0.1), each bounded by a client timeout, so a hanging API fails the test instead of stalling it.</summary>
internal sealed class ApiProbe(Uri api, TimeSpan timeout) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = api, Timeout = timeout };

    public async Task<ProbeAnswer> PostPaymentAsync()
    {
        using var content = new StringContent("{\"amount\":5,\"currency\":\"EUR\",\"customerId\":\"c-probe\"}", Encoding.UTF8, "application/json");
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.PostAsync(new Uri("payments", UriKind.Relative), content);
            return new ProbeAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                response.Headers.RetryAfter is not null, watch.Elapsed, await response.Content.ReadAsStringAsync());
        }
        catch (TaskCanceledException)
        {
            return new ProbeAnswer(0, null, false, watch.Elapsed, $"no answer within {timeout.TotalSeconds:0.0} s (the API hangs)");
        }
        catch (HttpRequestException ex)
        {
            return new ProbeAnswer(0, null, false, watch.Elapsed, $"transport error: {ex.Message}");
        }
    }

    /// <summary>Submits <paramref name="count"/> payments; returns the ids of the accepted ones.</summary>
    public async Task<IReadOnlyList<string>> SubmitPaymentsAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var content = new StringContent($"{{\"amount\":{i + 1},\"currency\":\"USD\",\"customerId\":\"c-after\"}}", Encoding.UTF8, "application/json");
            using var response = await _client.PostAsync(new Uri("payments", UriKind.Relative), content);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
            }
        }

        return ids;
    }

    /// <summary>Polls GET /payments/{id} until every job is completed or the deadline passes; returns how many completed.</summary>
    public async Task<int> CountCompletedAsync(IReadOnlyList<string> ids, TimeSpan deadline, CancellationToken ct)
    {
        var completed = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await Eventually.WaitAsync($"{ids.Count} payments submitted after the restart to be completed", deadline, async token =>
            {
                foreach (var id in ids.Where(id => !completed.Contains(id)))
                {
                    using var response = await _client.GetAsync(new Uri($"payments/{id}", UriKind.Relative), token);
                    if (response.IsSuccessStatusCode &&
                        JsonDocument.Parse(await response.Content.ReadAsStringAsync(token)).RootElement.GetProperty("status").GetString() == "completed")
                    {
                        completed.Add(id);
                    }
                }

                return completed.Count == ids.Count;
            }, null, ct);
        }
        catch (TimeoutException)
        {
            // Reported as a count: the caller decides whether a partial recovery is a failure.
        }

        return completed.Count;
    }

    public void Dispose() => _client.Dispose();
}
