using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using StackExchange.Redis;

namespace Perf.Fixtures.Containers;

/// <summary>
/// Ready when the worker's named Redis connection is open and the consumer group exists on every job stream (the
/// worker creates the groups before its first read). Redis 7.0 registers a consumer only when a read returns entries,
/// so XINFO CONSUMERS cannot tell an idle worker from an absent one; the client name can.
/// </summary>
public sealed class WorkerReadyWait(IConnectionMultiplexer redis, string consumer, IReadOnlyList<string> streams, string group) : IWaitUntil
{
    public string Describe() => $"{consumer} to connect to Redis (client name '{consumer}') with consumer group '{group}' on {string.Join(", ", streams)}";

    public async Task<bool> UntilAsync(IContainer container)
    {
        try
        {
            var clients = await redis.GetServers()[0].ClientListAsync().ConfigureAwait(false);
            if (!clients.Any(c => c.Name == consumer))
            {
                return false;
            }

            var database = redis.GetDatabase();
            foreach (var stream in streams)
            {
                if (!await database.KeyExistsAsync(stream).ConfigureAwait(false) ||
                    !(await database.StreamGroupInfoAsync(stream).ConfigureAwait(false)).Any(g => g.Name == group))
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Redis busy or the stream not there yet: not ready.
            return false;
        }
    }
}
