using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using StackExchange.Redis;
using SystemUnderTest.Contracts;
using SystemUnderTest.Redis;
using SystemUnderTest.Store;

namespace SystemUnderTest.Worker;

/// <summary>
/// Group commit of completed jobs: every completion waiting when the previous script returned goes into the next
/// run of <see cref="OutcomeScripts.Complete"/>, so under load one script (one round trip, one XACK call per entry
/// inside Redis) serves several jobs, and at a trickle each job still goes out at once. A failed run fails its
/// callers; their entries stay pending and are retried by the reclaim loop (the outcome key keeps that idempotent).
/// </summary>
public sealed class OutcomeWriter : IAsyncDisposable, IDisposable
{
    /// <summary>Jobs per script run: bounds the script's time inside Redis (other clients wait while it runs).</summary>
    internal const int MaxBatch = 64;

    private readonly RedisConnectionPool _redis;
    private readonly bool _resultInRedis;
    private readonly TimeProvider _time;
    private readonly Channel<Completion> _queue = Channel.CreateUnbounded<Completion>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _flusher;

    public OutcomeWriter(RedisConnectionPool redis, IResultStore store, TimeProvider time)
    {
        _redis = redis;
        _resultInRedis = store.WritesInOutcomeScript;
        _time = time;
        _flusher = Task.Run(FlushLoopAsync);
    }

    /// <summary>Decides and counts the job's outcome; returns one of the completion codes of <see cref="OutcomeScripts"/>.</summary>
    public Task<long> CompleteAsync(JobEnvelope job, JobResult result)
    {
        var completion = new Completion(job, result, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(completion))
        {
            throw new InvalidOperationException("The outcome writer is stopped.");
        }

        return completion.Done.Task;
    }

    /// <summary>Stops taking completions and waits for the ones already queued to be written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _flusher;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task FlushLoopAsync()
    {
        var batch = new List<Completion>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                var codes = (RedisResult[])(await RunAsync(batch))!;
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult((long)codes[i]);
                }
            }
            catch (Exception ex)
            {
                foreach (var completion in batch)
                {
                    completion.Done.TrySetException(ex);
                }
            }
        }
    }

    private Task<RedisResult> RunAsync(List<Completion> batch)
    {
        var keys = new RedisKey[OutcomeScripts.CompleteSharedKeys + (batch.Count * OutcomeScripts.CompleteKeysPerJob)];
        var args = new RedisValue[OutcomeScripts.CompleteSharedArgs + (batch.Count * OutcomeScripts.CompleteArgsPerJob)];
        keys[0] = RedisKeys.Counters;
        keys[1] = RedisKeys.Aggregates;
        keys[2] = RedisKeys.JobLatencyBuckets;
        args[0] = RedisKeys.ConsumerGroup;
        args[1] = _resultInRedis ? "1" : "0";
        args[2] = _time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < batch.Count; i++)
        {
            var (job, result, _) = batch[i];
            var k = OutcomeScripts.CompleteSharedKeys + (i * OutcomeScripts.CompleteKeysPerJob);
            keys[k] = job.Stream;
            keys[k + 1] = RedisKeys.Job(job.Id);
            keys[k + 2] = RedisKeys.Outcome(job.Id);
            keys[k + 3] = RedisKeys.Result(job.Id);
            var a = OutcomeScripts.CompleteSharedArgs + (i * OutcomeScripts.CompleteArgsPerJob);
            args[a] = job.EntryId;
            args[a + 1] = result.Type;
            args[a + 2] = (result.Amount ?? 0m).ToString(CultureInfo.InvariantCulture);
            args[a + 3] = result.Currency ?? string.Empty;
            args[a + 4] = JobLatencyLayout.FieldOf(result.LatencyMs);
            args[a + 5] = result.LatencyMs;
            args[a + 6] = _resultInRedis ? JsonSerializer.Serialize(result, StoreJsonContext.Default.JobResult) : string.Empty;
        }

        return _redis.GetDatabase().ScriptEvaluateAsync(OutcomeScripts.Complete, keys, args);
    }

    private readonly record struct Completion(JobEnvelope Job, JobResult Result, TaskCompletionSource<long> Done);
}
