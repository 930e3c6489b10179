using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SystemUnderTest.Contracts;
using SystemUnderTest.Options;
using SystemUnderTest.Redis;
using SystemUnderTest.Telemetry;

namespace SystemUnderTest.Queue;

/// <summary>The API side of the queue: enqueue atomically (once per idempotency key), read job state back.</summary>
public sealed class JobQueue(RedisConnectionPool redis, TimeProvider time, IOptions<ApiOptions> options, SutTelemetry telemetry)
{
    /// <summary>Endpoint names in <see cref="RedisKeys.IdempotencyKey"/>: a key is scoped to its endpoint.</summary>
    public const string PaymentsEndpoint = "payments";
    public const string NotificationsEndpoint = "notifications";

    /// <summary>Enqueues the job; with <paramref name="refuseNew"/> (Redis memory at the admission limit) only a replay of a known key succeeds.</summary>
    public async Task<EnqueueResult> EnqueuePaymentAsync(PaymentRequest request, string? idempotencyKey = null, bool refuseNew = false)
    {
        var payload = JsonSerializer.Serialize(request, SutJsonContext.Default.PaymentRequest);
        HashEntry[] state =
        [
            new(JobFields.Amount, request.Amount!.Value.ToString(CultureInfo.InvariantCulture)),
            new(JobFields.Currency, request.Currency),
            new(JobFields.CustomerId, request.CustomerId),
            new(JobFields.Description, request.Description ?? string.Empty),
        ];
        return await EnqueueAsync(PaymentsEndpoint, idempotencyKey, RedisKeys.PaymentsStream, JobTypes.Payment, payload, state, refuseNew);
    }

    /// <summary>Enqueues the job; with <paramref name="refuseNew"/> (Redis memory at the admission limit) only a replay of a known key succeeds.</summary>
    public async Task<EnqueueResult> EnqueueNotificationAsync(NotificationRequest request, string? idempotencyKey = null, bool refuseNew = false)
    {
        var payload = JsonSerializer.Serialize(request, SutJsonContext.Default.NotificationRequest);
        HashEntry[] state =
        [
            new(JobFields.UserId, request.UserId),
            new(JobFields.Channel, request.Channel),
            new(JobFields.Message, request.Message),
        ];
        return await EnqueueAsync(NotificationsEndpoint, idempotencyKey, RedisKeys.NotificationsStream, JobTypes.Notification, payload, state, refuseNew);
    }

    public async Task<HashEntry[]> GetJobAsync(string id) =>
        await redis.GetDatabase().HashGetAllAsync(RedisKeys.Job(id));

    /// <summary>
    /// The body's fingerprint stored with an idempotency key: SHA-256 of the normalized payload (the request as the
    /// SUT serializes it), so whitespace or field order do not matter but any changed value does.
    /// </summary>
    public static string BodyHash(string payload) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));

    private async Task<EnqueueResult> EnqueueAsync(string endpoint, string? idempotencyKey, string stream, string type, string payload, HashEntry[] state, bool refuseNew)
    {
        var id = Guid.NewGuid().ToString("N");
        var enqueuedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        var fields = new HashEntry[state.Length + 3];
        fields[0] = new(JobFields.Type, type);
        fields[1] = new(JobFields.Status, JobStatuses.Queued);
        fields[2] = new(JobFields.EnqueuedAt, enqueuedAt);
        state.CopyTo(fields, 3);

        // The entry carries the enqueue's W3C trace context only when something traces, so the worker's spans join its trace.
        using var activity = SutTelemetry.StartEnqueue(stream, type, id);
        var trace = new TraceContext(activity?.Id, activity?.TraceStateString);
        var result = idempotencyKey is not null
            ? await IdempotentEnqueue.RunAsync(
                redis.GetDatabase(), endpoint, idempotencyKey, options.Value.IdempotencyTtlSeconds * 1000L, BodyHash(payload), id, stream, type, payload,
                enqueuedAt, fields, trace, refuseNew)
            : refuseNew
                // Without a key there is no replay to answer: the endpoint refuses these before the body is read.
                ? new EnqueueResult(string.Empty, EnqueueOutcome.Refused)
                : await EnqueueOnceAsync(id, stream, type, payload, enqueuedAt, fields, trace);
        if (result.Outcome == EnqueueOutcome.Created)
        {
            telemetry.JobAccepted(stream, type);
        }

        return result;
    }

    private async Task<EnqueueResult> EnqueueOnceAsync(string id, string stream, string type, string payload, long enqueuedAt, HashEntry[] fields, TraceContext trace)
    {
        // MULTI/EXEC: a job is never visible in the stream without its state hash, and "accepted" counts exactly the XADDs.
        var transaction = redis.GetDatabase().CreateTransaction();
        var setState = transaction.HashSetAsync(RedisKeys.Job(id), fields);
        var add = transaction.StreamAddAsync(stream, [.. EntryFields(id, type, payload, enqueuedAt), .. trace.EntryFields()]);
        var count = transaction.HashIncrementAsync(RedisKeys.Counters, CounterNames.Accepted);
        await transaction.ExecuteAsync();
        await Task.WhenAll(setState, add, count);
        return new EnqueueResult(id, EnqueueOutcome.Created);
    }

    private static NameValueEntry[] EntryFields(string id, string type, string payload, long enqueuedAt) =>
    [
        new(JobFields.Id, id),
        new(JobFields.Type, type),
        new(JobFields.Payload, payload),
        new(JobFields.EnqueuedAt, enqueuedAt),
    ];
}
