using System.Threading.Channels;
using StackExchange.Redis;
using SystemUnderTest.Queue;
using SystemUnderTest.Contracts;

namespace SystemUnderTest.Worker;

public sealed partial class JobWorker
{
    /// <summary>Pages of XAUTOCLAIM per stream and tick, so one tick stays short even with a huge backlog.</summary>
    private const int MaxReclaimPages = 10;

    private static readonly TimeSpan ReclaimInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Every second: XAUTOCLAIM entries idle for ReclaimIdleMs (a crashed consumer's, or failed attempts left pending),
    /// read their delivery count from XPENDING, dead-letter those delivered MaxDeliveries times already, retry the rest.
    /// </summary>
    private async Task ReclaimLoopAsync(ChannelWriter<JobEnvelope> writer, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ReclaimInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    foreach (var stream in RedisKeys.JobStreams)
                    {
                        await ReclaimStreamAsync(stream, writer, stoppingToken);
                    }

                    await FlushEmptyPollsAsync();
                }
                catch (RedisServerException ex) when (StreamSetup.IsMissingGroup(ex))
                {
                    logger.GroupMissing(ex.Message);
                    await EnsureGroupsAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Any failure, a RedisTimeoutException (a TimeoutException) included, costs one tick, never the loop.
                    logger.ReclaimFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    internal async Task<int> ReclaimStreamAsync(string stream, ChannelWriter<JobEnvelope> writer, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        RedisValue start = "0-0";
        var reclaimed = 0;
        for (var page = 0; page < MaxReclaimPages; page++)
        {
            var result = await database.StreamAutoClaimAsync(stream, RedisKeys.ConsumerGroup, _consumer, _options.ReclaimIdleMs, start, _options.BatchSize);
            var claimed = result.ClaimedEntries.Where(e => !e.IsNull).ToArray();
            if (claimed.Length > 0)
            {
                var deliveries = await GetDeliveryCountsAsync(database, stream, claimed);
                var jobs = claimed.Select(entry => EntryParser.Parse(stream, entry, deliveries.GetValueOrDefault(entry.Id.ToString(), 1))).ToList();
                var retries = jobs.Where(job => job.DeliveryCount <= _options.MaxDeliveries).ToList();
                // Claimed entries are this consumer's from now on: heartbeat them while they wait for a processor too.
                foreach (var job in retries)
                {
                    _inFlight.Add(job);
                }

                var handedOver = 0;
                try
                {
                    foreach (var job in jobs.Where(job => job.DeliveryCount > _options.MaxDeliveries))
                    {
                        await processor.DeadLetterAsync(job, "max deliveries reached", cancellationToken);
                    }

                    foreach (var job in retries)
                    {
                        await database.HashIncrementAsync(RedisKeys.Counters, CounterNames.Retried);
                        await writer.WriteAsync(job, cancellationToken);
                        handedOver++;
                    }
                }
                catch
                {
                    // Not handed to a processor: stop keeping these fresh, so that a later reclaim can take them again.
                    foreach (var left in retries.Skip(handedOver))
                    {
                        _inFlight.Remove(left);
                    }

                    throw;
                }

                reclaimed += handedOver;
            }

            start = result.NextStartId;
            if (start.IsNull || start == "0-0")
            {
                break;
            }
        }

        return reclaimed;
    }

    private async Task<Dictionary<string, long>> GetDeliveryCountsAsync(IDatabase database, string stream, StreamEntry[] claimed)
    {
        var pending = await database.StreamPendingMessagesAsync(
            stream,
            RedisKeys.ConsumerGroup,
            // Entries this consumer is still processing may share the id range, so ask for some extra rows.
            claimed.Length + _options.Concurrency + _options.BatchSize,
            _consumer,
            minId: claimed[0].Id,
            maxId: claimed[^1].Id);
        return pending.ToDictionary(p => p.MessageId.ToString(), p => (long)p.DeliveryCount, StringComparer.Ordinal);
    }

    private async Task FlushEmptyPollsAsync()
    {
        var count = Interlocked.Exchange(ref _emptyPolls, 0);
        if (count == 0)
        {
            return;
        }

        try
        {
            await redis.GetDatabase().HashIncrementAsync(RedisKeys.Counters, CounterNames.EmptyPolls, count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not worth failing over: put them back and try on the next tick.
            Interlocked.Add(ref _emptyPolls, count);
        }
    }
}
