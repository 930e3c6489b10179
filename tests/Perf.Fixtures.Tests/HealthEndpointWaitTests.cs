using System.Collections.Concurrent;
using System.Net;
using Perf.Fixtures.Containers;

namespace Perf.Fixtures.Tests;

/// <summary>The API's readiness check for host networking, against a real loopback HTTP listener.</summary>
public sealed class HealthEndpointWaitTests
{
    [Fact]
    public async Task HealthAnswering200IsReady()
    {
        await using var server = HealthServer.Start(HttpStatusCode.OK);

        (await new HealthEndpointWait(server.Address).UntilAsync(null!)).Should().BeTrue();
        server.Paths.Should().Equal("/health");
    }

    [Fact]
    public async Task HealthAnswering503IsNotReady()
    {
        await using var server = HealthServer.Start(HttpStatusCode.ServiceUnavailable);

        (await new HealthEndpointWait(server.Address).UntilAsync(null!)).Should().BeFalse();
        server.Paths.Should().Equal("/health");
    }

    [Fact]
    public async Task NothingListeningIsNotReady()
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPorts.Next()}/");

        (await new HealthEndpointWait(address).UntilAsync(null!)).Should().BeFalse();
    }

    /// <summary>Answers every request with one status code and records the paths asked for.</summary>
    private sealed class HealthServer : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        private HealthServer(HttpStatusCode status)
        {
            Address = new Uri($"http://127.0.0.1:{LoopbackPorts.Next()}/");
            _listener.Prefixes.Add(Address.ToString());
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    Paths.Enqueue(context.Request.Url!.AbsolutePath);
                    context.Response.StatusCode = (int)status;
                    context.Response.Close();
                }
            });
        }

        public Uri Address { get; }

        public ConcurrentQueue<string> Paths { get; } = new();

        public static HealthServer Start(HttpStatusCode status) => new(status);

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
