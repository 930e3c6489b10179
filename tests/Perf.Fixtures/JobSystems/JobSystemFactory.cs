using Perf.Model.Settings;
using StackExchange.Redis;

namespace Perf.Fixtures.JobSystems;

/// <summary>The one place that maps the PERF_SYSTEM setting to its implementation of the seam.</summary>
public static class JobSystemFactory
{
    public static IJobSystem For(EnvironmentSettings settings, IConnectionMultiplexer redis, string? mongoConnectionString)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.JobSystem switch
        {
            JobSystemKind.Bullmq => new BullmqJobSystem(redis, settings.BullmqQueues, settings.BullmqPrefix),
            _ => new RedisStreamsJobSystem(redis, settings.Store, mongoConnectionString),
        };
    }
}
