using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SystemUnderTest.Contracts;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>
/// Sends accepted Idempotency-Keys again with their bodies after a run, as a client retrying would, and counts what a
/// retry must never see: another id than the key's first answer (a second job: a double payment), or no 202 at all.
/// </summary>
internal static class IdempotencyReplay
{
    /// <summary>How many keys a replay sends at most: enough to see a broken key, few enough to stay quick.</summary>
    public const int Sample = 500;

    public static async Task<ReplayCounts> ReplayAsync(Uri api, string path, IReadOnlyDictionary<string, string> idsByKey, Func<string, object> bodyOf, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(5) };
        int replayed = 0, newIds = 0, notAnswered = 0;
        foreach (var (key, firstId) in idsByKey.Take(Sample))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(bodyOf(key)) };
            request.Headers.Add(JobHeaders.IdempotencyKey, key);
            using var response = await client.SendAsync(request, ct);
            replayed++;
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                notAnswered++;
                continue;
            }

            var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
            if (id != firstId)
            {
                newIds++;
            }
        }

        return new ReplayCounts(replayed, newIds, notAnswered);
    }
}
