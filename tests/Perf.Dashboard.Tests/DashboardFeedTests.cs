using Perf.Engine.Profiles;

namespace Perf.Dashboard.Tests;

public sealed class DashboardFeedTests
{
    private static readonly LoadProfile Profile = ProfileLoader.Parse("""
        config:
          target: "http://127.0.0.1:9"
          phases:
            - name: warm
              duration: 2
              arrivalRate: 1
            - name: steady
              duration: 3
              arrivalRate: 2
        scenarios:
          - flow:
              - get:
                  url: "/"
        """, "feed-test.yml");

    [Fact]
    public async Task AFollowerGetsTheHistoryThenEveryNewMessageInOrder()
    {
        using var feed = new DashboardFeed();
        feed.StartRun("baseline", Profile);
        var ct = TestContext.Current.CancellationToken;
        await using var follower = feed.FollowAsync(ct).GetAsyncEnumerator(ct);

        (await NextAsync(follower)).Should().Contain("\"type\":\"reset\"");
        (await NextAsync(follower)).Should().Contain("\"type\":\"run\"").And.Contain("\"label\":\"baseline\"")
            .And.Contain("\"name\":\"steady\",\"start\":2,\"duration\":3");
        feed.StartRun("optimized", Profile);
        (await NextAsync(follower)).Should().Contain("\"run\":1").And.Contain("\"label\":\"optimized\"");

        feed.Dispose();
        (await follower.MoveNextAsync()).Should().BeFalse("disposing the feed ends every stream");
    }

    [Fact]
    public void ExportInlinesEveryMessageAndForbidsNetworkLoads()
    {
        using var feed = new DashboardFeed();
        feed.StartRun("</script><script>alert(1)</script>", Profile);

        var html = DashboardPage.Export("export test", feed.Messages);

        html.Should().Contain($"<meta http-equiv=\"Content-Security-Policy\" content=\"{DashboardPage.ExportPolicy}\">");
        DashboardPage.ExportPolicy.Should().StartWith("default-src 'none'").And.NotContain("connect-src");
        html.Should().Contain($"<script id=\"{DashboardPage.DataElementId}\" type=\"application/json\">");
        html.Should().Contain("\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)", "a label cannot close the data element");
        html.Should().NotContain("<script>alert(1)");
        html.Should().NotMatchRegex("(src|href)=\"?https?:", "nothing is loaded from the network");
        html.Should().Contain("uPlot", "the chart library is inlined");
    }

    private static async Task<string> NextAsync(IAsyncEnumerator<string> follower)
    {
        (await follower.MoveNextAsync()).Should().BeTrue();
        return follower.Current;
    }
}
