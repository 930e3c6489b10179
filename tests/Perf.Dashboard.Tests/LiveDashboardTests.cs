using System.Net;

namespace Perf.Dashboard.Tests;

public sealed class LiveDashboardTests
{
    [Fact]
    public async Task ServesThePageAndTheEventStreamOnGetOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var dashboard = await LiveDashboard.StartAsync("serving test", 0, ct);
        using var http = new HttpClient { BaseAddress = dashboard.Url };

        using var page = await http.GetAsync("/", ct);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        page.Headers.GetValues("Content-Security-Policy").Should().Equal(DashboardPage.LivePolicy);
        (await page.Content.ReadAsStringAsync(ct)).Should().Contain("<title>serving test</title>");

        using var events = await http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, ct);
        events.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(ct));
        (await reader.ReadLineAsync(ct)).Should().Be("data: {\"type\":\"reset\"}");

        (await http.GetAsync("/missing", ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var post = await http.PostAsync("/", new StringContent(""), ct);
        post.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        post.Content.Headers.Allow.Should().Equal("GET");
    }
}
