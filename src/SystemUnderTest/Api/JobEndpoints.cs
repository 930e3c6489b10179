using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SystemUnderTest.Contracts;
using SystemUnderTest.Options;
using SystemUnderTest.Queue;
using SystemUnderTest.Redis;

namespace SystemUnderTest.Api;

/// <summary>POST /payments, GET /payments/{id}, POST /notifications.</summary>
public static class JobEndpoints
{
    /// <summary>HttpContext.Items entry set once the enqueue command may be on its way to Redis: from then on a failure leaves the job's existence unknown.</summary>
    public static readonly object EnqueueStartedItemKey = new();

    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/payments", PostPaymentAsync);
        app.MapGet("/payments/{id}", GetPaymentAsync);
        app.MapPost("/notifications", PostNotificationAsync);
        return app;
    }

    private static Task<IResult> PostPaymentAsync(
        HttpContext context, JobQueue queue, BackpressureMonitor backpressure, RedisConnectionPool redis, IOptions<ApiOptions> options) =>
        PostJobAsync(context, backpressure, redis, options, SutJsonContext.Default.PaymentRequest, RequestValidator.Validate,
            queue.EnqueuePaymentAsync, id => $"/payments/{id}");

    private static Task<IResult> PostNotificationAsync(
        HttpContext context, JobQueue queue, BackpressureMonitor backpressure, RedisConnectionPool redis, IOptions<ApiOptions> options) =>
        // No GET /notifications/{id} in the contract, so no Location header.
        PostJobAsync(context, backpressure, redis, options, SutJsonContext.Default.NotificationRequest, RequestValidator.Validate,
            queue.EnqueueNotificationAsync, _ => null);

    /// <summary>
    /// The steps both POSTs share, in the documented order: backpressure, Idempotency-Key header, body, field rules,
    /// then enqueue. A replay is answered exactly as the first acceptance was (202, same body and Location).
    /// </summary>
    private static async Task<IResult> PostJobAsync<T>(
        HttpContext context,
        BackpressureMonitor backpressure,
        RedisConnectionPool redis,
        IOptions<ApiOptions> options,
        JsonTypeInfo<T> typeInfo,
        Func<T, Dictionary<string, string[]>> validate,
        Func<T, string?, bool, Task<EnqueueResult>> enqueue,
        Func<string, string?> location)
        where T : class
    {
        if (Refuse(context, backpressure, redis) is { } refused)
        {
            return refused;
        }

        var (key, keyError) = IdempotencyKey.Read(context.Request.Headers);
        if (keyError is not null)
        {
            return Problems.InvalidIdempotencyKey(keyError);
        }

        var body = await JsonBodyReader.ReadAsync(context, typeInfo, options.Value.MaxBodyBytes);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var errors = validate(body.Value!);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (key is not null)
        {
            // Read by ApiExceptionHandler: a 503 whose commit outcome is unknown tells this client its retry is safe.
            context.Items[IdempotencyKey.ItemKey] = key;
        }

        context.Items[EnqueueStartedItemKey] = true;
        // At the memory admission limit a keyed request still gets its replay; only a new key is refused (in the script).
        var memoryFull = backpressure.IsMemoryNearlyFull;
        var (id, outcome) = await enqueue(body.Value!, key, memoryFull);
        switch (outcome)
        {
            case EnqueueOutcome.KeyConflict:
                return Problems.IdempotencyKeyReused(id);
            case EnqueueOutcome.Refused:
                return RefuseForMemory(context, backpressure, redis);
            case EnqueueOutcome.Replayed:
                context.Response.Headers[IdempotencyKey.ReplayedHeaderName] = "true";
                break;
        }

        return Results.Accepted(location(id), new AcceptedResponse(id, JobStatuses.Queued));
    }

    private static async Task<IResult> GetPaymentAsync(string id, JobQueue queue)
    {
        if (!RequestValidator.IsJobId(id))
        {
            return Problems.InvalidId(id);
        }

        id = id.ToLowerInvariant();
        var fields = (await queue.GetJobAsync(id)).ToDictionary(e => e.Name.ToString(), e => e.Value, StringComparer.Ordinal);
        if (fields.Count == 0 || fields.GetValueOrDefault(JobFields.Type) != JobTypes.Payment)
        {
            return Problems.NotFound($"No payment with id '{id}'.");
        }

        var description = fields.GetValueOrDefault(JobFields.Description).ToString();
        return Results.Ok(new PaymentStatusResponse(
            id,
            fields.GetValueOrDefault(JobFields.Status).ToString(),
            decimal.Parse(fields.GetValueOrDefault(JobFields.Amount).ToString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            fields.GetValueOrDefault(JobFields.Currency).ToString(),
            fields.GetValueOrDefault(JobFields.CustomerId).ToString(),
            description.Length == 0 ? null : description,
            (long)fields.GetValueOrDefault(JobFields.EnqueuedAt),
            fields.TryGetValue(JobFields.CompletedAt, out var completed) ? (long)completed : null));
    }

    /// <summary>
    /// Admission checks before the body is even read: refusing must be cheaper than accepting. At the memory limit a
    /// request with an Idempotency-Key goes on, so that a replay of an accepted key still gets its job.
    /// </summary>
    private static IResult? Refuse(HttpContext context, BackpressureMonitor backpressure, RedisConnectionPool redis)
    {
        if (backpressure.IsMemoryNearlyFull && !context.Request.Headers.ContainsKey(IdempotencyKey.HeaderName))
        {
            return RefuseForMemory(context, backpressure, redis);
        }

        if (!backpressure.IsOverLimit)
        {
            return null;
        }

        Count(redis, CounterNames.BackpressureRejected);
        return Problems.Backpressure(context, backpressure.CurrentLoad, backpressure.Limit);
    }

    private static IResult RefuseForMemory(HttpContext context, BackpressureMonitor backpressure, RedisConnectionPool redis)
    {
        Count(redis, CounterNames.MemoryRejected);
        var (used, max) = backpressure.Memory;
        return Problems.StorageNearlyFull(context, used, max, backpressure.MemoryAdmissionPercent);
    }

    /// <summary>Fire and forget: the counter must not slow the rejection path down.</summary>
    private static void Count(RedisConnectionPool redis, string counter) =>
        _ = redis.GetDatabase().HashIncrementAsync(RedisKeys.Counters, counter, flags: CommandFlags.FireAndForget);
}
