using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace Perf.Fixtures.Containers;

/// <summary>
/// Ready when <c>GET {api}health</c> answers 2xx, at an address the suite chose. For host networking: Testcontainers'
/// own <c>UntilHttpRequestIsSucceeded</c> asks the container for its mapped port, and a host-networked container has
/// none (it listens on a loopback port the suite picked), so that strategy never succeeds there.
/// </summary>
public sealed class HealthEndpointWait(Uri api) : IWaitUntil
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    public Uri HealthUrl { get; } = new(api, "health");

    public async Task<bool> UntilAsync(IContainer container)
    {
        try
        {
            using var response = await Http.GetAsync(HealthUrl).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // Not listening yet, or too slow to answer: not ready.
            return false;
        }
    }
}
