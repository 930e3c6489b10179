using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Perf.Engine;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Fixtures.Settings;
using Perf.Fixtures.XunitSupport;
using Perf.Testing;

namespace Perf.Dashboard.Tests;

/// <summary>
/// The dashboard in the machine's own headless Chromium (never a downloaded browser): the live page follows a short run
/// against a loopback server and its charts gain points while it goes; the exported file opens offline with every
/// chart drawn, hover and zoom working, and no request leaving the page. Both screenshots and the exported file stay
/// under artifacts/test-results.
/// </summary>
[Trait(TestTraits.Requires, TestTraits.Chromium)]
public sealed class DashboardBrowserTests
{
    private static readonly string ArtifactDirectory = Path.Combine(RepositoryPaths.Root, "artifacts", "test-results");
    private static readonly string[] LoadCharts = ["rate", "latency", "responses", "inflight"];
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task LivePageGainsPointsDuringARunAndItsExportRendersOffline()
    {
        ChromiumLocator.SkipWhenMissingOutsideCi();
        var ct = TestContext.Current.CancellationToken;
        await using var target = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => Results.Text("ok"));
            app.MapGet("/missing", () => Results.NotFound());
        });
        var profile = ProfileLoader.Parse(Profile(target.Address), "dashboard-browser-test.yml");
        await using var dashboard = await LiveDashboard.StartAsync("dashboard browser test", port: 0, ct);
        var run = dashboard.Feed.StartRun("loopback", profile);
        await using (var live = await OfflinePage.OpenAsync(dashboard.Url, allowedOrigin: dashboard.Url))
        {
            // The run starts once the page follows the events, so that the page sees it grow however slow the browser's start.
            await live.Page.WaitForFunctionAsync("() => window.perfDashboard?.state.connected", null, new() { Timeout = (float)Deadline.TotalMilliseconds });
            var running = new LoadRunner { Sample = run.Observe, LiveThresholdInterval = TimeSpan.FromSeconds(2) }.RunAsync(profile, new RunOptions(), ct);
            var first = await WaitForPointsAsync(live, "rate", 2);
            var later = await WaitForPointsAsync(live, "rate", first + 2);
            later.Should().BeGreaterThan(first, "the live charts gain a point each second");
            (await live.Page.TextContentAsync("#status")).Should().StartWith("live");
            await live.Page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactDirectory, "dashboard-live.png"), FullPage = true });

            run.Finish(await running);
            await live.Page.WaitForSelectorAsync("#runs .ended", new() { Timeout = (float)Deadline.TotalMilliseconds });
            live.LeftThePage.Should().BeEmpty("the live page loads nothing but its own server's page and events");
            live.FailedRequests.Should().BeEmpty();
            live.ConsoleErrors.Should().BeEmpty();
        }

        var exported = dashboard.Export(Path.Combine(ArtifactDirectory, "dashboard-export.html"));
        await using var offline = await OfflinePage.OpenAsync(exported);
        var page = offline.Page;
        var points = JsonSerializer.Deserialize<Dictionary<string, int>>(await page.EvaluateAsync<string>("() => JSON.stringify(window.perfDashboard.points())"))!;
        points.Keys.Should().BeEquivalentTo(LoadCharts, "every chart with data is drawn (the system's charts need the suite's samplers)");
        points.Values.Should().AllSatisfy(count => count.Should().BeGreaterThan(5, "the export holds the whole run"));
        (await page.Locator("figure.chart canvas").CountAsync()).Should().Be(LoadCharts.Length);
        (await page.Locator("#thresholds caption").TextContentAsync()).Should().Contain("final");
        (await page.Locator("#thresholds tr.pass").CountAsync()).Should().Be(2);

        var rate = page.Locator("figure[data-chart=rate] .u-over");
        var box = (await rate.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        (await page.Locator("figure[data-chart=rate] .u-legend .u-series").Nth(2).Locator(".u-value").TextContentAsync())
            .Should().NotBe("--", "hovering a chart shows its values");
        var before = await ScaleAsync(page, "rate");
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.8f), box.Y + (box.Height / 2), new() { Steps = 5 });
        await page.Mouse.UpAsync();
        var zoomed = await ScaleAsync(page, "rate");
        (zoomed.Max - zoomed.Min).Should().BeLessThan(before.Max - before.Min, "dragging across a chart zooms in");

        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactDirectory, "dashboard-export.png"), FullPage = true });
        offline.LeftThePage.Should().BeEmpty("the exported file is self-contained");
        offline.FailedRequests.Should().BeEmpty();
        offline.ConsoleErrors.Should().BeEmpty("nothing on the page was blocked or broken");
    }

    private static string Profile(Uri target) => $$"""
        config:
          target: "{{target}}"
          phases:
            - name: warm
              duration: 3
              arrivalRate: 10
            - name: steady
              duration: 5
              arrivalRate: 20
          plugins:
            ensure:
              thresholds:
                - http.response_time.p99: 5000
              maxErrorRate: 50
        scenarios:
          - name: found
            weight: 9
            flow:
              - get:
                  url: "/"
          - name: missing
            weight: 1
            flow:
              - get:
                  url: "/missing"
        """;

    private static async Task<int> WaitForPointsAsync(OfflinePage opened, string chart, int atLeast)
    {
        try
        {
            var handle = await opened.Page.WaitForFunctionAsync(
                "([chart, atLeast]) => (window.perfDashboard?.points()[chart] ?? 0) >= atLeast ? window.perfDashboard.points()[chart] : false",
                new object[] { chart, atLeast }, new() { Timeout = (float)Deadline.TotalMilliseconds, PollingInterval = 200 });
            return await handle.JsonValueAsync<int>();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(
                $"chart '{chart}' did not reach {atLeast} points in {Deadline.TotalSeconds} s; the page says '{await opened.Page.TextContentAsync("#status")}'; " +
                $"console errors: [{string.Join("; ", opened.ConsoleErrors)}]; failed requests: [{string.Join("; ", opened.FailedRequests)}]; " +
                $"blocked: [{string.Join("; ", opened.LeftThePage)}]", e);
        }
    }

    private static async Task<(double Min, double Max)> ScaleAsync(IPage page, string chart)
    {
        var scale = JsonSerializer.Deserialize<JsonElement>(await page.EvaluateAsync<string>($"() => JSON.stringify(window.perfDashboard.scale('{chart}'))"));
        return (scale.GetProperty("min").GetDouble(), scale.GetProperty("max").GetDouble());
    }
}
