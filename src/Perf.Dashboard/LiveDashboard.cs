using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Perf.Dashboard;

/// <summary>
/// The live dashboard: a Kestrel endpoint on 127.0.0.1 only that serves the page at <c>/</c> and the feed as server-sent
/// events at <c>/events</c>, and at the end writes the same page with every message inlined (<see cref="Export"/>).
/// Like k6's web dashboard (port 5665 by default), but the page and its chart library are this repository's.
/// </summary>
public sealed class LiveDashboard : IAsyncDisposable
{
    public const int DefaultPort = 5665;

    private readonly WebApplication _app;

    private LiveDashboard(WebApplication app, DashboardFeed feed, string title, Uri url)
    {
        _app = app;
        Feed = feed;
        Title = title;
        Url = url;
    }

    public DashboardFeed Feed { get; }

    public string Title { get; }

    /// <summary>The page's address, e.g. http://127.0.0.1:5665/.</summary>
    public Uri Url { get; }

    /// <summary>Starts serving on 127.0.0.1:<paramref name="port"/> (0: any free port, see <see cref="Url"/>).</summary>
    public static async Task<LiveDashboard> StartAsync(string title, int port = DefaultPort, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var feed = new DashboardFeed();
        var page = DashboardPage.Live(title);
        // Two fixed paths, answered by one request delegate: routing and minimal APIs' delegate factory (which compiles
        // each handler's binding) are start-up CPU for nothing a page needs (docs/observability.md, "Cost on the generator").
        app.Run(context => Serve(context, page, feed));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await app.DisposeAsync().ConfigureAwait(false);
            feed.Dispose();
            throw new InvalidOperationException($"the dashboard cannot listen on 127.0.0.1:{port}, which is in use: choose another port (PERF_DASHBOARD_PORT, perf run --dashboard-port; 0 picks a free one)", e);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveDashboard(app, feed, title, new Uri(new Uri(address), "/"));
    }

    private static Task Serve(HttpContext context, string page, DashboardFeed feed)
    {
        var (request, response) = (context.Request, context.Response);
        if (request.Path.Value is not ("/" or "/events"))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = HttpMethods.Get;
            return Task.CompletedTask;
        }

        if (request.Path.Value == "/events")
        {
            return TypedResults.ServerSentEvents(feed.FollowAsync(context.RequestAborted)).ExecuteAsync(context);
        }

        response.Headers.ContentSecurityPolicy = DashboardPage.LivePolicy;
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync(page, context.RequestAborted);
    }

    /// <summary>Writes the page with the feed's whole history inlined to <paramref name="path"/>; returns the full path.</summary>
    public string Export(string path) => DashboardExport.Write(path, Title, Feed);

    public async ValueTask DisposeAsync()
    {
        // Ends the event streams first, so that the server's graceful stop does not wait for the pages' connections.
        Feed.Dispose();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
