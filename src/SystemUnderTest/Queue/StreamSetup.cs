using StackExchange.Redis;
using SystemUnderTest.Contracts;

namespace SystemUnderTest.Queue;

/// <summary>Creates the consumer group on every job stream (MKSTREAM); an existing group is fine.</summary>
public static class StreamSetup
{
    public static async Task EnsureGroupsAsync(IDatabase database)
    {
        foreach (var stream in RedisKeys.JobStreams)
        {
            try
            {
                // Position 0: jobs enqueued before the first worker started are still delivered.
                await database.StreamCreateConsumerGroupAsync(stream, RedisKeys.ConsumerGroup, StreamPosition.Beginning, createStream: true);
            }
            catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
            {
                // Another process created it first.
            }
        }
    }

    /// <summary>NOGROUP: the stream or its group no longer exists (a Redis restart without persistence, or an eviction).</summary>
    public static bool IsMissingGroup(RedisServerException exception) =>
        exception.Message.StartsWith("NOGROUP", StringComparison.Ordinal);
}
