using MongoDB.Bson;
using MongoDB.Driver;
using SystemUnderTest.Jobs;
using SystemUnderTest.Options;
using SystemUnderTest.Redis;

namespace SystemUnderTest.Store;

/// <summary>
/// The default store: one document per job with <c>_id</c> = job id, so the unique primary key is the idempotency
/// check. Counters and latency samples stay in Redis (the suite reads them there), written after the first insert.
/// </summary>
public sealed class MongoResultStore : IResultStore
{
    private readonly IMongoCollection<BsonDocument> _results;
    private readonly IMongoDatabase _database;
    private readonly RedisConnectionPool _redis;

    public MongoResultStore(StoreOptions options, RedisConnectionPool redis)
    {
        var settings = MongoClientSettings.FromConnectionString(options.MongoConnectionString);
        settings.MaxConnectionPoolSize = options.MongoMaxPoolSize;
        // The driver's 30 s default would make a down Mongo look like a hang; fail fast and let the caller answer 503.
        settings.ServerSelectionTimeout = TimeSpan.FromSeconds(5);
        _database = new MongoClient(settings).GetDatabase(options.MongoDatabase);
        _results = _database.GetCollection<BsonDocument>("results");
        _redis = redis;
    }

    public string Kind => StoreOptions.Mongo;

    public async Task<StoreOutcome> StoreAsync(JobResult result, CancellationToken cancellationToken)
    {
        var document = new BsonDocument
        {
            ["_id"] = result.Id,
            ["type"] = result.Type,
            ["enqueuedAt"] = result.EnqueuedAtMs,
            ["completedAt"] = result.CompletedAtMs,
            ["latencyMs"] = result.LatencyMs,
        };
        if (result.Amount is { } amount)
        {
            document["amount"] = new BsonDecimal128(amount);
            document["currency"] = result.Currency;
        }

        if (result.Channel is { } channel)
        {
            document["channel"] = channel;
        }

        var database = _redis.GetDatabase();
        try
        {
            await _results.InsertOneAsync(document, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            await database.HashIncrementAsync(RedisKeys.Counters, CounterNames.Duplicates);
            return StoreOutcome.Duplicate;
        }

        var transaction = database.CreateTransaction();
        var processed = transaction.HashIncrementAsync(RedisKeys.Counters, CounterNames.Processed);
        var latency = transaction.ListRightPushAsync(RedisKeys.JobLatency, result.LatencyMs);
        await transaction.ExecuteAsync();
        await Task.WhenAll(processed, latency);
        return StoreOutcome.Stored;
    }

    public async Task<AnalyticsSummary> GetSummaryAsync(CancellationToken cancellationToken)
    {
        var pipeline = new[]
        {
            new BsonDocument("$group", new BsonDocument
            {
                ["_id"] = new BsonDocument { ["type"] = "$type", ["currency"] = "$currency" },
                ["count"] = new BsonDocument("$sum", 1),
                ["totalAmount"] = new BsonDocument("$sum", "$amount"),
                ["latencySum"] = new BsonDocument("$sum", "$latencyMs"),
            }),
        };
        var groups = await (await _results.AggregateAsync<BsonDocument>(pipeline, cancellationToken: cancellationToken))
            .ToListAsync(cancellationToken);

        long payments = 0, notifications = 0, latencyCount = 0;
        decimal total = 0m;
        double latencySum = 0;
        var byCurrency = new Dictionary<string, CurrencySummary>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var key = group["_id"].AsBsonDocument;
            var count = group["count"].ToInt64();
            latencyCount += count;
            latencySum += group["latencySum"].ToDouble();
            if (key.GetValue("type", BsonNull.Value) == JobTypes.Payment)
            {
                var amount = group["totalAmount"].ToDecimal();
                payments += count;
                total += amount;
                var currency = key.GetValue("currency", BsonNull.Value);
                if (!currency.IsBsonNull)
                {
                    byCurrency[currency.AsString] = new CurrencySummary(count, amount);
                }
            }
            else
            {
                notifications += count;
            }
        }

        return new AnalyticsSummary(
            new PaymentsSummary(payments, total, byCurrency),
            new NotificationsSummary(notifications),
            new LatencyAverage(latencyCount == 0 ? 0 : latencySum / latencyCount),
            Cached: false,
            GeneratedAt: DateTimeOffset.UtcNow);
    }

    public async Task PingAsync(CancellationToken cancellationToken) =>
        await _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
}
