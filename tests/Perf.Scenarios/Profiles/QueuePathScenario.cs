using System.Globalization;
using System.Text.Json;
using Perf.Engine.Profiles;
using StackExchange.Redis;
using SystemUnderTest.Contracts;

namespace Perf.Scenarios.Profiles;

/// <summary>
/// The queue path without HTTP: a custom step enqueues a payment straight into the Redis stream the way the API does
/// (job state hash, XADD, accepted counter in one MULTI/EXEC; keys from docs/system-under-test.md), and a second
/// step waits until a worker has stored <c>result:{id}</c> (the Redis result store). So "enqueue" measures Redis
/// alone and "await-stored" the workers' pick-up, processing and store, both timed from their intended starts.
/// </summary>
public sealed class QueuePathScenario(IConnectionMultiplexer redis)
{
    public const string EnqueueStep = "enqueue-direct";
    public const string StoredStep = "await-stored";
    public const string JobIdVariable = "jobId";

    /// <summary>Polls start fast (a job takes at least the simulated downstream call) and back off to this.</summary>
    private static readonly TimeSpan MaxPollDelay = TimeSpan.FromMilliseconds(20);

    public string Currency { get; init; } = "EUR";

    /// <summary>Adds the two steps to a flow; the step names are their stats keys (<c>STEP enqueue-direct</c>) and threshold names.</summary>
    public FlowBuilder AddTo(FlowBuilder flow) => flow
        .Step(EnqueueStep, EnqueueAsync, JobIdVariable)
        .Step(StoredStep, AwaitStoredAsync);

    private async ValueTask<StepResult> EnqueueAsync(StepContext context, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var enqueuedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        const string customer = "c-queue-path";
        var payload = JsonSerializer.Serialize(new PaymentRequest { Amount = 12.5m, Currency = Currency, CustomerId = customer }, SutJsonContext.Default.PaymentRequest);
        var transaction = redis.GetDatabase().CreateTransaction();
        var state = transaction.HashSetAsync(RedisKeys.Job(id),
        [
            new(JobFields.Type, JobTypes.Payment), new(JobFields.Status, JobStatuses.Queued), new(JobFields.EnqueuedAt, enqueuedAt),
            new(JobFields.Amount, "12.5"), new(JobFields.Currency, Currency), new(JobFields.CustomerId, customer), new(JobFields.Description, string.Empty),
        ]);
        var add = transaction.StreamAddAsync(RedisKeys.PaymentsStream,
        [
            new NameValueEntry(JobFields.Id, id), new NameValueEntry(JobFields.Type, JobTypes.Payment),
            new NameValueEntry(JobFields.Payload, payload), new NameValueEntry(JobFields.EnqueuedAt, enqueuedAt.ToString(CultureInfo.InvariantCulture)),
        ]);
        var count = transaction.HashIncrementAsync(RedisKeys.Counters, CounterNames.Accepted);
        if (!await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            return StepResult.Fail();
        }

        await Task.WhenAll(state, add, count).ConfigureAwait(false);
        context.Variables[JobIdVariable] = id;
        return StepResult.Ok();
    }

    private async ValueTask<StepResult> AwaitStoredAsync(StepContext context, CancellationToken cancellationToken)
    {
        var key = new RedisKey(RedisKeys.Result(context.Variables[JobIdVariable]));
        var database = redis.GetDatabase();
        var delay = TimeSpan.FromMilliseconds(1);

        // Until the step's timeout (the profile's http timeout) cancels the token; a lost job shows as a timeout.
        while (!await database.KeyExistsAsync(key).WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPollDelay.Ticks));
        }

        return StepResult.Ok();
    }
}
