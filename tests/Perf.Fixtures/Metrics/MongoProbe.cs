using MongoDB.Bson;
using MongoDB.Driver;
using Perf.Model.Metrics;

namespace Perf.Fixtures.Metrics;

/// <summary>serverStatus of the SUT's MongoDB, where one runs.</summary>
public sealed class MongoProbe(string connectionString)
{
    private readonly MongoClient _client = new(connectionString);

    public async Task<MongoSample> SampleAsync(CancellationToken ct)
    {
        var status = await _client.GetDatabase("admin")
            .RunCommandAsync<BsonDocument>(new BsonDocument("serverStatus", 1), cancellationToken: ct).ConfigureAwait(false);
        var connections = status["connections"].AsBsonDocument;
        var ops = status["opcounters"].AsBsonDocument;
        return new MongoSample(
            connections["current"].ToInt64(), connections["available"].ToInt64(),
            ops["insert"].ToInt64(), ops["query"].ToInt64(), ops["command"].ToInt64());
    }
}
