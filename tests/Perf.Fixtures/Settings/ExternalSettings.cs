namespace Perf.Fixtures.Settings;

/// <summary>The running system the suite attaches to when <c>System:Mode</c> is external (docs/manual-system.md).</summary>
public sealed class ExternalSettings
{
    /// <summary>The API's base URL, e.g. http://127.0.0.1:8080. Required in external mode.</summary>
    [EnvironmentVariable("PERF_API_URL")]
    public Uri? ApiUrl { get; set; }

    /// <summary>The running system's Redis as a StackExchange.Redis configuration, e.g. 127.0.0.1:6379,password=.... Required in external mode; its password is redacted in reports.</summary>
    [EnvironmentVariable("PERF_REDIS_CONNECTION", Accepts = "a StackExchange.Redis configuration")]
    public string? RedisConnection { get; set; }

    /// <summary>The running system's MongoDB connection string, when it has one; its credentials are redacted in reports.</summary>
    [EnvironmentVariable("PERF_MONGO_CONNECTION", Accepts = "a MongoDB connection string")]
    public string? MongoConnection { get; set; }
}
