using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;
using SystemUnderTest.Contracts;
using SystemUnderTest.Redis;

namespace SystemUnderTest.Queue;

/// <summary>The API side of the queue: enqueue atomically, read job state back.</summary>
public sealed class JobQueue(RedisConnectionPool redis, TimeProvider time)
{
    public async Task<string> EnqueuePaymentAsync(PaymentRequest request)
    {
        var payload = JsonSerializer.Serialize(request, SutJsonContext.Default.PaymentRequest);
        HashEntry[] state =
        [
            new("amount", request.Amount!.Value.ToString(CultureInfo.InvariantCulture)),
            new("currency", request.Currency),
            new("customerId", request.CustomerId),
            new("description", request.Description ?? string.Empty),
        ];
        return await EnqueueAsync(RedisKeys.PaymentsStream, JobTypes.Payment, payload, state);
    }

    public async Task<string> EnqueueNotificationAsync(NotificationRequest request)
    {
        var payload = JsonSerializer.Serialize(request, SutJsonContext.Default.NotificationRequest);
        HashEntry[] state =
        [
            new("userId", request.UserId),
            new("channel", request.Channel),
            new("message", request.Message),
        ];
        return await EnqueueAsync(RedisKeys.NotificationsStream, JobTypes.Notification, payload, state);
    }

    public async Task<HashEntry[]> GetJobAsync(string id) =>
        await redis.GetDatabase().HashGetAllAsync(RedisKeys.Job(id));

    private async Task<string> EnqueueAsync(string stream, string type, string payload, HashEntry[] state)
    {
        var id = Guid.NewGuid().ToString("N");
        var enqueuedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        var fields = new HashEntry[state.Length + 3];
        fields[0] = new("type", type);
        fields[1] = new("status", "queued");
        fields[2] = new("enqueuedAt", enqueuedAt);
        state.CopyTo(fields, 3);

        // MULTI/EXEC: a job is never visible in the stream without its state hash, and "accepted" counts exactly the XADDs.
        var transaction = redis.GetDatabase().CreateTransaction();
        var setState = transaction.HashSetAsync(RedisKeys.Job(id), fields);
        var add = transaction.StreamAddAsync(stream,
        [
            new NameValueEntry("id", id),
            new NameValueEntry("type", type),
            new NameValueEntry("payload", payload),
            new NameValueEntry("enqueuedAt", enqueuedAt),
        ]);
        var count = transaction.HashIncrementAsync(RedisKeys.Counters, CounterNames.Accepted);
        await transaction.ExecuteAsync();
        await Task.WhenAll(setState, add, count);
        return id;
    }
}
