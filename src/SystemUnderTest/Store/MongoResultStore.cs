using MongoDB.Bson;
using MongoDB.Driver;
using SystemUnderTest.Contracts;
using SystemUnderTest.Options;

namespace SystemUnderTest.Store;

/// <summary>
/// The default store: one document per job with <c>_id</c> = job id, inserted before the worker's outcome script
/// decides and counts the outcome in Redis. A crash between the two leaves a document without an outcome; the
/// redelivery's insert finds it (duplicate key), and its outcome script counts the job once. When the outcome went
/// to the dead-letter stream instead, the worker retracts the document it inserted.
/// </summary>
public sealed class MongoResultStore : IResultStore
{
    private readonly IMongoCollection<BsonDocument> _results;
    private readonly IMongoDatabase _database;

    public MongoResultStore(StoreOptions options)
    {
        var settings = MongoClientSettings.FromConnectionString(options.MongoConnectionString);
        settings.MaxConnectionPoolSize = options.MongoMaxPoolSize;
        // The driver's 30 s default would make a down Mongo look like a hang; fail fast and let the caller answer 503.
        settings.ServerSelectionTimeout = TimeSpan.FromSeconds(5);
        _database = new MongoClient(settings).GetDatabase(options.MongoDatabase);
        _results = _database.GetCollection<BsonDocument>(MongoResults.Collection);
    }

    public string Kind => StoreOptions.Mongo;

    public bool WritesInOutcomeScript => false;

    public async Task<bool> WriteAsync(JobResult result, CancellationToken cancellationToken)
    {
        try
        {
            await _results.InsertOneAsync(ToDocument(result), cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            // Written by an earlier delivery that crashed before its outcome script: the script decides now.
            return false;
        }
    }

    public async Task RetractAsync(string id, CancellationToken cancellationToken) =>
        await _results.DeleteOneAsync(IdFilter(id), cancellationToken);

    public async Task<bool> HasResultAsync(string id, CancellationToken cancellationToken) =>
        await _results.CountDocumentsAsync(IdFilter(id), new CountOptions { Limit = 1 }, cancellationToken) > 0;

    /// <summary>The document of one result; <c>_id</c> is the job id, so the primary key refuses a second one.</summary>
    internal static BsonDocument ToDocument(JobResult result)
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

        return document;
    }

    private static FilterDefinition<BsonDocument> IdFilter(string id) => Builders<BsonDocument>.Filter.Eq("_id", id);

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
