using System.Text.Json;
using Microsoft.Extensions.Options;
using SystemUnderTest.Jobs;
using SystemUnderTest.Options;
using SystemUnderTest.Redis;
using SystemUnderTest.Store;

namespace SystemUnderTest.Worker;

/// <summary>
/// Processes one delivery: simulated downstream call, idempotent store, status update, XACK. A failed call is not
/// acknowledged, so the entry stays pending for the reclaim loop; at <c>MaxDeliveries</c> it is dead-lettered.
/// </summary>
public sealed class JobProcessor(
    RedisConnectionPool redis,
    IResultStore store,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    ILogger<JobProcessor> logger)
{
    // KEYS: stream, dead-letter stream, counters, job hash. ARGV: group, entry id, job id, type, payload,
    // enqueuedAt, deliveries, reason. XACK first: only the consumer that still owned the entry dead-letters it.
    private const string DeadLetterScript = """
        if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 1 then
          redis.call('XADD', KEYS[2], '*', 'id', ARGV[3], 'type', ARGV[4], 'payload', ARGV[5], 'enqueuedAt', ARGV[6],
            'originalId', ARGV[2], 'deliveries', ARGV[7], 'reason', ARGV[8])
          redis.call('HINCRBY', KEYS[3], 'deadLettered', 1)
          if ARGV[3] ~= '' then
            redis.call('HSET', KEYS[4], 'status', 'failed')
          end
          return 1
        end
        return 0
        """;

    private readonly WorkerOptions _options = options.Value;

    public async Task<JobOutcome> ProcessAsync(JobEnvelope job, CancellationToken cancellationToken)
    {
        if (job.Id.Length == 0 || job.Type.Length == 0)
        {
            logger.MalformedEntry(job.EntryId, job.Stream);
            await DeadLetterAsync(job, "malformed entry");
            return JobOutcome.DeadLettered;
        }

        if (!await CallDownstreamAsync(cancellationToken))
        {
            logger.JobAttemptFailed(job.Id, job.DeliveryCount);
            await redis.GetDatabase().HashIncrementAsync(RedisKeys.Counters, CounterNames.FailedAttempts);
            if (job.DeliveryCount >= _options.MaxDeliveries)
            {
                await DeadLetterAsync(job, "downstream failed");
                return JobOutcome.DeadLettered;
            }

            return JobOutcome.FailedLeftPending;
        }

        var completedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        var outcome = await store.StoreAsync(ToResult(job, completedAt), cancellationToken);

        // Status before XACK: if we crash in between, the redelivery finds the result stored and counts a duplicate.
        var transaction = redis.GetDatabase().CreateTransaction();
        var status = transaction.HashSetAsync(RedisKeys.Job(job.Id), [new("status", "completed"), new("completedAt", completedAt)]);
        var ack = transaction.StreamAcknowledgeAsync(job.Stream, RedisKeys.ConsumerGroup, job.EntryId);
        await transaction.ExecuteAsync();
        await Task.WhenAll(status, ack);
        return outcome == StoreOutcome.Stored ? JobOutcome.Completed : JobOutcome.Duplicate;
    }

    public async Task<bool> DeadLetterAsync(JobEnvelope job, string reason)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            DeadLetterScript,
            [job.Stream, RedisKeys.DeadLetter(job.Stream), RedisKeys.Counters, RedisKeys.Job(job.Id)],
            [RedisKeys.ConsumerGroup, job.EntryId, job.Id, job.Type, job.PayloadJson, job.EnqueuedAtMs, job.DeliveryCount, reason]);
        var moved = (long)result == 1;
        if (moved)
        {
            logger.JobDeadLettered(job.Id, job.Stream, job.DeliveryCount);
        }

        return moved;
    }

    /// <summary>The simulated downstream call: an I/O wait (not CPU) that fails with probability FailureRate.</summary>
    private async Task<bool> CallDownstreamAsync(CancellationToken cancellationToken)
    {
        if (_options.SimulatedDownstreamMs > 0)
        {
            await Task.Delay(_options.SimulatedDownstreamMs, cancellationToken);
        }

        return _options.FailureRate <= 0 || Random.Shared.NextDouble() >= _options.FailureRate;
    }

    private static JobResult ToResult(JobEnvelope job, long completedAt)
    {
        if (job.Type == JobTypes.Payment)
        {
            var payment = JsonSerializer.Deserialize(job.PayloadJson, SutJsonContext.Default.PaymentRequest);
            return new JobResult(job.Id, job.Type, payment?.Amount, payment?.Currency, null, job.EnqueuedAtMs, completedAt);
        }

        var notification = JsonSerializer.Deserialize(job.PayloadJson, SutJsonContext.Default.NotificationRequest);
        return new JobResult(job.Id, job.Type, null, null, notification?.Channel, job.EnqueuedAtMs, completedAt);
    }
}
