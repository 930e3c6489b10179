using StackExchange.Redis;
using SystemUnderTest.Contracts;
using SystemUnderTest.Redis;

namespace SystemUnderTest.Queue;

/// <summary>Length, pending, lag and dead letters per job stream (XLEN, XINFO GROUPS).</summary>
public sealed class QueueInspector(RedisConnectionPool redis)
{
    public async Task<IReadOnlyList<StreamMetrics>> GetStreamsAsync()
    {
        var database = redis.GetDatabase();
        var tasks = RedisKeys.JobStreams.Select(stream => GetStreamAsync(database, stream)).ToArray();
        return await Task.WhenAll(tasks);
    }

    /// <summary>Summed lag + pending of the job streams: the backpressure signal.</summary>
    public async Task<long> GetLoadAsync()
    {
        var streams = await GetStreamsAsync();
        return streams.Sum(s => s.Lag + s.Pending);
    }

    private static async Task<StreamMetrics> GetStreamAsync(IDatabase database, string stream)
    {
        var length = database.StreamLengthAsync(stream);
        var dead = database.StreamLengthAsync(RedisKeys.DeadLetter(stream));
        StreamGroupInfo? group = null;
        try
        {
            var groups = await database.StreamGroupInfoAsync(stream);
            group = groups.FirstOrDefault(g => g.Name == RedisKeys.ConsumerGroup);
        }
        catch (RedisServerException ex) when (ex.Message.Contains("no such key", StringComparison.OrdinalIgnoreCase))
        {
            // The stream does not exist yet: nothing queued.
        }

        var len = await length;
        // Redis reports lag as nil when it cannot compute it (e.g. after XDEL); the whole stream is the safe upper bound.
        var lag = group is { } g ? g.Lag ?? len : len;
        return new StreamMetrics(stream, len, group?.PendingMessageCount ?? 0, lag, await dead);
    }
}
