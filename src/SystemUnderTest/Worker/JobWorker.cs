using System.Threading.Channels;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SystemUnderTest.Options;
using SystemUnderTest.Queue;
using SystemUnderTest.Contracts;
using SystemUnderTest.Redis;

namespace SystemUnderTest.Worker;

/// <summary>
/// One reader runs XREADGROUP ... BLOCK and feeds a bounded channel that <c>Concurrency</c> processors drain; a
/// reclaim loop takes over entries whose owner stopped, and a heartbeat keeps this worker's own entries fresh so that
/// they are not reclaimed while it still works on them. A blocking read would stall every other command on a shared
/// StackExchange.Redis multiplexer, so the reader has a connection of its own: an idle worker then waits inside Redis
/// (one read per <c>MaxPollDelayMs</c>, counted as <c>emptyPolls</c>) instead of polling.
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
    private readonly InFlightEntries _inFlight = new();
    private long _emptyPolls;

    internal string ConsumerName => _consumer;

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
        using var processorsDone = new CancellationTokenSource();
        var processors = Enumerable.Range(0, _options.Concurrency)
            .Select(_ => Task.Run(() => ProcessLoopAsync(channel.Reader, hardStop.Token), CancellationToken.None))
            .ToArray();
        var heartbeat = HeartbeatLoopAsync(processorsDone.Token);

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

        await processorsDone.CancelAsync();
        await heartbeat;
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
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // RedisTimeoutException is a TimeoutException, not a RedisException: catching only the latter let one
                // stall longer than the client timeout end this loop (and the worker) for good.
                logger.GroupCreateFailed(string.Join(",", RedisKeys.JobStreams), ex);
                await DelayAsync(_options.MaxPollDelayMs, stoppingToken);
            }
        }
    }

    private async Task ReadLoopAsync(ChannelWriter<JobEnvelope> writer, CancellationToken stoppingToken)
    {
        using var connection = await redis.ConnectBlockingAsync(_options.MaxPollDelayMs);
        var database = connection.GetDatabase();
        var command = GroupReads.ReadGroupArguments(_consumer, _options.BatchSize, _options.MaxPollDelayMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = GroupReads.Parse(await database.ExecuteAsync("XREADGROUP", command)).ToList();
                // Every entry of the batch is pending under this consumer from now on, also those still waiting for a
                // free processor: the heartbeat must keep all of them fresh, or a slow batch is reclaimed and run twice.
                foreach (var job in batch)
                {
                    _inFlight.Add(job);
                }

                foreach (var job in batch)
                {
                    // Not cancellable: an entry already read is pending under this consumer, so it goes to the
                    // processors even when shutdown starts now (they drain the channel before the host stops).
                    await writer.WriteAsync(job, CancellationToken.None);
                }

                if (batch.Count == 0)
                {
                    Interlocked.Increment(ref _emptyPolls);
                }
            }
            catch (RedisServerException ex) when (StreamSetup.IsMissingGroup(ex))
            {
                // Redis restarted without persistence: streams and groups are gone. Recreate them and read on.
                logger.GroupMissing(ex.Message);
                await EnsureGroupsAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Redis unreachable, or a reply this reader did not expect: never let the read loop die silently.
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
                finally
                {
                    // Decided, or left for the reclaim loop: either way no longer this worker's to keep fresh.
                    _inFlight.Remove(job);
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
