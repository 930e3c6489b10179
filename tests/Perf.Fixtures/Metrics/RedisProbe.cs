using System.Globalization;
using Perf.Model.Metrics;
using StackExchange.Redis;

namespace Perf.Fixtures.Metrics;

/// <summary>Reads Redis INFO and the effective CONFIG: the server, whatever job system runs on it (queues and counters: <see cref="JobSystems.IJobSystem"/>).</summary>
public sealed class RedisProbe(IConnectionMultiplexer redis)
{
    public async Task<RedisSample> SampleAsync()
    {
        var info = await Server().InfoAsync().ConfigureAwait(false);
        var fields = info.SelectMany(group => group).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.First().Value);
        long Field(string name) => fields.TryGetValue(name, out var value) && long.TryParse(value, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var keys = fields.Where(kv => kv.Key.StartsWith("db", StringComparison.Ordinal))
            .Sum(kv => long.Parse(kv.Value.Split(',')[0].Split('=')[1], CultureInfo.InvariantCulture));
        return new RedisSample(
            Field("connected_clients"), Field("used_memory"), Field("used_memory_peak"), Field("evicted_keys"),
            Field("rejected_connections"), Field("instantaneous_ops_per_sec"), Field("keyspace_hits"), Field("keyspace_misses"),
            Field("total_commands_processed"), keys);
    }

    public async Task<RedisEffectiveConfig> EffectiveConfigAsync(string? configFile)
    {
        var server = Server();
        async Task<string> Get(string name) =>
            (await server.ConfigGetAsync(name).ConfigureAwait(false)).FirstOrDefault(kv => kv.Key == name).Value ?? "";
        var maxClients = long.Parse(await Get("maxclients").ConfigureAwait(false), CultureInfo.InvariantCulture);
        var requested = RequestedMaxClients(configFile);
        string? note = null;
        if (requested is { } wanted && wanted != maxClients)
        {
            note = $"redis.conf asks for maxclients {wanted}, Redis runs with {maxClients}: the container's open-file limit " +
                   $"is below the {wanted + 32} descriptors needed (Redis keeps 32 for itself), so it lowered the value.";
        }

        var version = (await server.InfoAsync("server").ConfigureAwait(false)).SelectMany(g => g)
            .FirstOrDefault(kv => kv.Key == "redis_version").Value ?? "?";
        return new RedisEffectiveConfig(
            long.Parse(await Get("maxmemory").ConfigureAwait(false), CultureInfo.InvariantCulture),
            await Get("maxmemory-policy").ConfigureAwait(false),
            maxClients,
            requested,
            await Get("save").ConfigureAwait(false),
            await Get("appendonly").ConfigureAwait(false),
            version,
            note);
    }

    private static long? RequestedMaxClients(string? configFile)
    {
        if (configFile is null || !File.Exists(configFile))
        {
            return null;
        }

        var line = File.ReadLines(configFile).Select(l => l.Trim())
            .LastOrDefault(l => l.StartsWith("maxclients ", StringComparison.OrdinalIgnoreCase));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private IServer Server() => redis.GetServers().First();
}
