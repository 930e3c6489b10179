using StackExchange.Redis;
using SystemUnderTest.Contracts;

namespace SystemUnderTest.Worker;

public sealed partial class JobWorker
{
    /// <summary>
    /// XCLAIM ... JUSTID with min-idle 0 resets an entry's idle time without counting a delivery. Only entries still
    /// pending for this consumer are touched: one another worker already reclaimed stays with that worker.
    /// KEYS: stream. ARGV: group, consumer, entry ids.
    /// </summary>
    private const string HeartbeatScript = """
        local owned = {}
        for i = 3, #ARGV do
          local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1, ARGV[2])
          if pending[1] then
            owned[#owned + 1] = ARGV[i]
          end
        end
        local count = #owned
        if count > 0 then
          owned[count + 1] = 'JUSTID'
          redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, unpack(owned))
        end
        return count
        """;

    /// <summary>A third of the reclaim idle time: an owner that is alive refreshes each entry at least twice before it could be reclaimed.</summary>
    internal static TimeSpan HeartbeatInterval(int reclaimIdleMs) => TimeSpan.FromMilliseconds(Math.Clamp(reclaimIdleMs / 3, 10, 10_000));

    private async Task HeartbeatLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(HeartbeatInterval(_options.ReclaimIdleMs));
        try
        {
            // Runs until the processors are done (not only until stop is requested): entries still draining need it too.
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RefreshInFlightAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The processors finished.
        }
    }

    internal async Task<long> RefreshInFlightAsync()
    {
        long refreshed = 0;
        try
        {
            foreach (var stream in RedisKeys.JobStreams)
            {
                var ids = _inFlight.Of(stream);
                if (ids.Length == 0)
                {
                    continue;
                }

                var args = new RedisValue[ids.Length + 2];
                args[0] = RedisKeys.ConsumerGroup;
                args[1] = _consumer;
                for (var i = 0; i < ids.Length; i++)
                {
                    args[i + 2] = ids[i];
                }

                refreshed += (long)await redis.GetDatabase().ScriptEvaluateAsync(HeartbeatScript, [stream], args);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A timeout during a Redis stall must cost one beat, not every later one.
            logger.HeartbeatFailed(ex);
        }

        return refreshed;
    }
}
