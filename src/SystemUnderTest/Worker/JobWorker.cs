using System.Threading.Channels;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SystemUnderTest.Jobs;
using SystemUnderTest.Options;
using SystemUnderTest.Queue;
using SystemUnderTest.Redis;

namespace SystemUnderTest.Worker;

/// <summary>
/// One reader polls XREADGROUP and feeds a bounded channel that <c>Concurrency</c> processors drain; a reclaim loop
/// takes over stuck entries. StackExchange.Redis cannot block on its shared multiplexer, so an empty read backs off
/// exponentially (1 ms doubling to MaxPollDelayMs) and each empty read is counted (<c>emptyPolls</c>).
/// </summary>
public sealed partial class JobWorker(
    RedisConnectionPool redis,
    JobProcessor processor,
    IOptions<WorkerOptions> options,
    ILogger<JobWorker> logger) : BackgroundService
{
    /// <summary>How long shutdown waits for in-flight and already-read jobs before cancelling them.</summary>
    internal const int DrainTimeoutMs = 10_000;

    private readonly WorkerOptions _options = options.Value;
    private readonly string _consumer = options.Value.EffectiveConsumerName;
    private long _emptyPolls;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await EnsureGroupsAsync(stoppingToken);
        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        logger.WorkerStarted(_consumer, _options.Concurrency, _options.BatchSize);

        // A small buffer: entries waiting here are already pending under this consumer, so keep the wait short.
        var channel = Channel.CreateBounded<JobEnvelope>(new BoundedChannelOptions(_options.Concurrency)
        {
            SingleReader = false,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var hardStop = new CancellationTokenSource();
        var processors = Enumerable.Range(0, _options.Concurrency)
            .Select(_ => Task.Run(() => ProcessLoopAsync(channel.Reader, hardStop.Token), CancellationToken.None))
            .ToArray();

        var reader = ReadLoopAsync(channel.Writer, stoppingToken);
        var reclaim = ReclaimLoopAsync(channel.Writer, stoppingToken);
        await Task.WhenAll(reader, reclaim);

        // Stop reading, then let the processors finish what was already read, bounded.
        channel.Writer.TryComplete();
        try
        {
            await Task.WhenAll(processors).WaitAsync(TimeSpan.FromMilliseconds(DrainTimeoutMs), CancellationToken.None);
        }
        catch (TimeoutException)
        {
            logger.DrainTimedOut(DrainTimeoutMs);
            await hardStop.CancelAsync();
            await Task.WhenAll(processors);
        }

        await FlushEmptyPollsAsync();
        logger.WorkerStopped(_consumer);
    }

    private async Task EnsureGroupsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StreamSetup.EnsureGroupsAsync(redis.GetDatabase());
                return;
            }
            catch (RedisException ex)
            {
                logger.GroupCreateFailed(string.Join(",", RedisKeys.JobStreams), ex);
                await DelayAsync(_options.MaxPollDelayMs, stoppingToken);
            }
        }
    }

    private async Task ReadLoopAsync(ChannelWriter<JobEnvelope> writer, CancellationToken stoppingToken)
    {
        var positions = RedisKeys.JobStreams.Select(s => new StreamPosition(s, StreamPosition.NewMessages)).ToArray();
        var delayMs = 1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var streams = await redis.GetDatabase().StreamReadGroupAsync(positions, RedisKeys.ConsumerGroup, _consumer, _options.BatchSize);
                var read = 0;
                foreach (var stream in streams)
                {
                    foreach (var entry in stream.Entries)
                    {
                        // Not cancellable: an entry already read is pending under this consumer, so it goes to the
                        // processors even when shutdown starts now (they drain the channel before the host stops).
                        await writer.WriteAsync(EntryParser.Parse(stream.Key.ToString(), entry, deliveryCount: 1), CancellationToken.None);
                        read++;
                    }
                }

                if (read > 0)
                {
                    delayMs = 1;
                    continue;
                }

                Interlocked.Increment(ref _emptyPolls);
                await DelayAsync(delayMs, stoppingToken);
                delayMs = Math.Min(delayMs * 2, _options.MaxPollDelayMs);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (RedisServerException ex) when (StreamSetup.IsMissingGroup(ex))
            {
                // Redis restarted without persistence: streams and groups are gone. Recreate them and read on.
                logger.GroupMissing(ex.Message);
                await EnsureGroupsAsync(stoppingToken);
            }
            catch (RedisException ex)
            {
                logger.ReadFailed(ex);
                await DelayAsync(_options.MaxPollDelayMs, stoppingToken);
            }
        }
    }

    private async Task ProcessLoopAsync(ChannelReader<JobEnvelope> reader, CancellationToken hardStop)
    {
        try
        {
            await foreach (var job in reader.ReadAllAsync(hardStop))
            {
                try
                {
                    await processor.ProcessAsync(job, hardStop);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Left pending: the reclaim loop retries it and dead-letters it after MaxDeliveries.
                    logger.JobProcessingError(job.EntryId, job.Stream, ex);
                }
            }
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            // Drain timed out; unfinished entries stay pending and are reclaimed by another consumer.
        }
    }

    private static async Task DelayAsync(int milliseconds, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(milliseconds, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutdown: the caller's loop condition ends it.
        }
    }
}
