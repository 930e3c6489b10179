using System.Net;

namespace Perf.Engine.Running;

/// <summary>Builds the pooled handler: no proxy, cookies, redirects or decompression, so only the target's work is measured.</summary>
internal static class HttpHandlerFactory
{
    public static SocketsHttpHandler Create(HttpSettings settings) => new()
    {
        MaxConnectionsPerServer = settings.MaxConnectionsPerServer,
        PooledConnectionLifetime = settings.PooledConnectionLifetime,
        PooledConnectionIdleTimeout = settings.PooledConnectionIdleTimeout,
        ConnectTimeout = settings.ConnectTimeout,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
    };
}
