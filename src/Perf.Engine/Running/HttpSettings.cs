namespace Perf.Engine.Running;

/// <summary>Settings of the one pooled <see cref="System.Net.Http.SocketsHttpHandler"/> every virtual user shares.</summary>
public sealed record HttpSettings
{
    /// <summary>Upper bound of open connections to the target; arrivals beyond it queue inside the handler (and show as latency).</summary>
    public int MaxConnectionsPerServer { get; init; } = 10_000;

    /// <summary>How long a pooled connection lives before it is replaced (spreads load over DNS changes and server instances).</summary>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan PooledConnectionIdleTimeout { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most a request with captures reads of its response body (1 MiB); a longer body is error <c>bodyTooLarge</c>,
    /// found from its declared length or, for a chunked body, as soon as reading passes the limit. Bodies without
    /// captures are drained and never kept, so they need no limit.
    /// </summary>
    public int MaxCaptureBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Per-request timeout, covering headers and body; null takes the profile's config.http.timeout.</summary>
    public TimeSpan? RequestTimeout { get; init; }
}
