using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SystemUnderTest.Contracts;
using SystemUnderTest.Options;
using SystemUnderTest.Redis;
using SystemUnderTest.Store;
using SystemUnderTest.Telemetry;

namespace SystemUnderTest.Worker;

/// <summary>
/// Processes one delivery: simulated downstream call, then one outcome decided atomically per job id. Success goes
/// through <see cref="OutcomeWriter"/> (store NX, counters, status, latency bucket and XACK in one script); a failed
/// call is not acknowledged, so the entry stays pending for the reclaim loop, and at <c>MaxDeliveries</c> it is
/// dead-lettered by <see cref="OutcomeScripts.DeadLetter"/>, which refuses when the job already has an outcome.
/// </summary>
public sealed class JobProcessor(
    RedisConnectionPool redis,
    IResultStore store,
    OutcomeWriter outcomes,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    SutTelemetry telemetry,
    ILogger<JobProcessor> logger)
{
    private readonly WorkerOptions _options = options.Value;

    /// <summary>Processes one delivery inside its consumer span, which continues the enqueue's trace (docs/observability.md).</summary>
    public async Task<JobOutcome> ProcessAsync(JobEnvelope job, CancellationToken cancellationToken)
    {
        using var activity = telemetry.StartProcessing(job);
        try
        {
            var outcome = await ProcessDeliveryAsync(job, cancellationToken);
            activity?.SetTag("sut.job.outcome", outcome.ToString());
            return outcome;
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.AddException(ex).SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    private async Task<JobOutcome> ProcessDeliveryAsync(JobEnvelope job, CancellationToken cancellationToken)
    {
        if (job.Id.Length == 0 || job.Type.Length == 0)
        {
            logger.MalformedEntry(job.EntryId, job.Stream);
            await DeadLetterAsync(job, "malformed entry", cancellationToken);
            return JobOutcome.DeadLettered;
        }

        if (!await CallDownstreamAsync(cancellationToken))
        {
            logger.JobAttemptFailed(job.Id, job.DeliveryCount);
            await redis.GetDatabase().HashIncrementAsync(RedisKeys.Counters, CounterNames.FailedAttempts);
            if (job.DeliveryCount >= _options.MaxDeliveries)
            {
                return await DeadLetterAsync(job, "downstream failed", cancellationToken);
            }

            return JobOutcome.FailedLeftPending;
        }

        return await CompleteAsync(job, cancellationToken);
    }

    /// <summary>
    /// Moves the delivery to the dead-letter stream unless the job already has an outcome. With a store outside
    /// Redis, a result written by an earlier delivery that crashed before its outcome script is counted instead.
    /// </summary>
    public async Task<JobOutcome> DeadLetterAsync(JobEnvelope job, string reason, CancellationToken cancellationToken)
    {
        if (job.Id.Length > 0 && !store.WritesInOutcomeScript && await store.HasResultAsync(job.Id, cancellationToken))
        {
            return await CompleteAsync(job, cancellationToken);
        }

        using var activity = SutTelemetry.StartStep("dead-letter");
        var result = (long)await redis.GetDatabase().ScriptEvaluateAsync(
            OutcomeScripts.DeadLetter,
            [job.Stream, RedisKeys.DeadLetter(job.Stream), RedisKeys.Counters, RedisKeys.Job(job.Id), RedisKeys.Outcome(job.Id), job.IdempotencyRecord ?? string.Empty],
            [
                RedisKeys.ConsumerGroup, job.EntryId, job.Id, job.Type, job.PayloadJson, job.EnqueuedAtMs, job.DeliveryCount, reason,
                time.GetUtcNow().ToUnixTimeMilliseconds(), _options.JobKeyRetentionSeconds * 1000L,
            ]);
        switch (result)
        {
            case OutcomeScripts.Moved:
                telemetry.JobDeadLettered(job);
                logger.JobDeadLettered(job.Id, job.Stream, job.DeliveryCount);
                return JobOutcome.DeadLettered;
            case OutcomeScripts.DecidedElsewhere:
                return JobOutcome.Duplicate;
            default:
                logger.DeliveryNoLongerPending(job.EntryId, job.Stream);
                return JobOutcome.Duplicate;
        }
    }

    private async Task<JobOutcome> CompleteAsync(JobEnvelope job, CancellationToken cancellationToken)
    {
        var result = ToResult(job, time.GetUtcNow().ToUnixTimeMilliseconds());
        long code;
        bool inserted;
        using (SutTelemetry.StartStep("store write")?.SetTag("sut.store", store.GetType().Name))
        {
            inserted = await store.WriteAsync(result, cancellationToken);
            code = await outcomes.CompleteAsync(job, result);
        }

        switch (code)
        {
            case OutcomeScripts.Stored:
                telemetry.JobCompleted(job, result.LatencyMs);
                return JobOutcome.Completed;
            case OutcomeScripts.StoredAckMissed:
                telemetry.JobCompleted(job, result.LatencyMs);
                logger.DeliveryNoLongerPending(job.EntryId, job.Stream);
                return JobOutcome.Completed;
            case OutcomeScripts.AlreadyDeadLettered when inserted:
                // The job went to the dead-letter stream while this delivery ran: it must not also be stored.
                await store.RetractAsync(job.Id, cancellationToken);
                return JobOutcome.Duplicate;
            default:
                return JobOutcome.Duplicate;
        }
    }

    /// <summary>The simulated downstream call: an I/O wait (not CPU) that fails with probability FailureRate.</summary>
    private async Task<bool> CallDownstreamAsync(CancellationToken cancellationToken)
    {
        using var activity = SutTelemetry.StartStep("downstream call");
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
