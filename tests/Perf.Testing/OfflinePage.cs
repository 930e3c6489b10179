using Microsoft.Playwright;

namespace Perf.Testing;

/// <summary>
/// A local HTML file opened in headless Chromium with the network cut off: every request that is not for a
/// <c>file:</c> or <c>data:</c> URL (or the one origin a live page is served from) is aborted and recorded, and so is
/// every console error (a blocked resource or a Content-Security-Policy violation shows up there) and every request
/// that failed, so a test can assert that the page needed nothing else.
/// </summary>
public sealed class OfflinePage : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _leftThePage = [];
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _failedRequests = [];
    private readonly string? _allowedOrigin;

    private OfflinePage(IPlaywright playwright, IBrowser browser, IPage page, Uri? allowedOrigin)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        _allowedOrigin = allowedOrigin?.GetLeftPart(UriPartial.Authority) + "/";
    }

    public IPage Page { get; }

    /// <summary>Requests for anything but a file: or data: URL, each aborted before it reached the network.</summary>
    public IReadOnlyList<string> LeftThePage => _leftThePage;

    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    /// <summary>Requests that were sent and failed (Playwright's <c>RequestFailed</c>), each with its error text.</summary>
    public IReadOnlyList<string> FailedRequests => _failedRequests;

    public static Task<OfflinePage> OpenAsync(string htmlPath) => OpenAsync(new Uri(Path.GetFullPath(htmlPath)), allowedOrigin: null);

    /// <summary>Opens <paramref name="url"/>; requests to <paramref name="allowedOrigin"/> (a live page's own server) go through too.</summary>
    public static async Task<OfflinePage> OpenAsync(Uri url, Uri? allowedOrigin)
    {
        ArgumentNullException.ThrowIfNull(url);
        var playwright = await Playwright.CreateAsync();
        IBrowser? browser = null;
        try
        {
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumLocator.Require(), Headless = true });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                ServiceWorkers = ServiceWorkerPolicy.Block,
            });
            var page = await context.NewPageAsync();
            var opened = new OfflinePage(playwright, browser, page, allowedOrigin);
            await context.RouteAsync("**/*", opened.RouteAsync);
            page.Request += (_, request) => opened.Record(request.Url);
            page.RequestFailed += (_, request) =>
            {
                lock (opened._failedRequests)
                {
                    opened._failedRequests.Add($"{request.Url}: {request.Failure}");
                }
            };
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    lock (opened._consoleErrors)
                    {
                        opened._consoleErrors.Add(message.Text);
                    }
                }
            };
            await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            return opened;
        }
        catch
        {
            if (browser is not null)
            {
                await browser.DisposeAsync();
            }

            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private bool IsLocal(string url) =>
        url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
        || (_allowedOrigin is not null && url.StartsWith(_allowedOrigin, StringComparison.OrdinalIgnoreCase));

    private async Task RouteAsync(IRoute route)
    {
        if (IsLocal(route.Request.Url))
        {
            await route.ContinueAsync();
            return;
        }

        Record(route.Request.Url);
        await route.AbortAsync("blockedbyclient");
    }

    private void Record(string url)
    {
        if (IsLocal(url))
        {
            return;
        }

        lock (_leftThePage)
        {
            if (!_leftThePage.Contains(url))
            {
                _leftThePage.Add(url);
            }
        }
    }
}
