using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SystemUnderTest.Hosting;

namespace SystemUnderTest.Tests.Infrastructure;

/// <summary>Settings for an API and a worker that share one Redis, and the in-process worker host.</summary>
public static class SutSettings
{
    public static Dictionary<string, string?> For(RedisFixture redis, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Redis:ConnectionString"] = redis.ConnectionString,
            ["Store:Kind"] = "redis",
            ["Worker:SimulatedDownstreamMs"] = "1",
            ["Worker:Concurrency"] = "2",
            ["Worker:MaxPollDelayMs"] = "20",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The worker role, same code as the process, hosted in the test.</summary>
    public static IHost BuildWorker(IReadOnlyDictionary<string, string?> settings) =>
        WorkerHost.Build([], configuration => configuration.AddInMemoryCollection(settings));
}
