using System.Net;
using Perf.Fixtures;
using Perf.Reliability.Tests.Infrastructure;

namespace Perf.Reliability.Tests;

/// <summary>Every request of the bad-input corpus gets its 4xx with problem details from a real API container, never a 5xx.</summary>
[Trait(TestTraits.Category, TestTraits.Reliability)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class BadInputTests(BadInputEnvironmentFixture fixture, ITestOutputHelper output) : IClassFixture<BadInputEnvironmentFixture>, IDisposable
{

    [Theory]
    [MemberData(nameof(BadInputCorpus.Names), MemberType = typeof(BadInputCorpus))]
    public async Task BadRequestGetsItsProblemDetails4xx(string name)
    {
        var bad = BadInputCorpus.Cases[name];

        var (status, contentType, body) = await SendAsync(fixture.Environment, bad);

        output.WriteLine($"{name}: {status} {contentType} {body[..Math.Min(body.Length, 200)]}");
        status.Should().Be(bad.Expected, "{0} ({1} {2}) answered {3}", name, bad.Method, bad.Path, body);
        if (!bad.ByKestrel)
        {
            contentType.Should().Be("application/problem+json", "every error the application answers is RFC 7807 problem details");
        }
    }

    [Fact]
    public async Task WholeCorpusLeavesTheApiHealthyAndEnqueuesNothing()
    {
        var environment = fixture.Environment;
        var failures = new List<string>();
        foreach (var (name, bad) in BadInputCorpus.Cases)
        {
            var (status, contentType, body) = await SendAsync(environment, bad);
            if (status >= 500 || status < 400 || (!bad.ByKestrel && contentType != "application/problem+json"))
            {
                failures.Add($"{name}: {status} {contentType} {body}");
            }
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var health = await client.GetAsync(new Uri(environment.ApiBaseUrl, "health"), TestContext.Current.CancellationToken);
        var lengths = await Task.WhenAll(PerfEnvironment.JobStreams.Select(s => environment.Redis.GetDatabase().StreamLengthAsync(s)));

        failures.Should().BeEmpty("no bad request may get a 5xx or a non-problem answer");
        health.StatusCode.Should().Be(HttpStatusCode.OK, "the API stays healthy after the whole corpus");
        lengths.Sum().Should().Be(0, "bad input must never enqueue a job");
    }

    private static async Task<(int Status, string? ContentType, string Body)> SendAsync(PerfEnvironment environment, BadInputCase bad)
    {
        // A connection of its own per case: Kestrel closes the connection after some rejections (a bad request line, an
        // oversize body it stops reading), and a pooled connection would carry that into the next case.
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromSeconds(10) };
        using var request = BadInputCorpus.Request(bad);
        request.RequestUri = new Uri(environment.ApiBaseUrl, request.RequestUri!);
        try
        {
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException ex)
        {
            return (0, null, $"no HTTP answer: {ex.Message} {ex.InnerException?.Message}");
        }
    }

    public void Dispose() => fixture.FlushLogTo(output);
}
