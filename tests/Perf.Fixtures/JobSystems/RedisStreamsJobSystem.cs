using SystemUnderTest.Contracts;
using MongoDB.Bson;
using MongoDB.Driver;
using Perf.Fixtures.Accounting;
using Perf.Fixtures.Metrics;
using Perf.Model.Metrics;
using Perf.Model.Settings;
using StackExchange.Redis;

namespace Perf.Fixtures.JobSystems;

/// <summary>
/// This repository's system (docs/system-under-test.md): job streams read by the consumer group <c>workers</c>,
/// dead letters in <c>&lt;stream&gt;:dead</c>, job state in <c>job:{id}</c>, results in <c>result:{id}</c> (Redis store)
/// or MongoDB <c>perf.results</c>, counters in <c>perf:counters</c>, latency buckets in <c>perf:job-latency-buckets</c>.
/// </summary>
public sealed class RedisStreamsJobSystem(IConnectionMultiplexer redis, StoreKind store, string? mongoConnectionString = null) : IJobSystem
{
    private const int BatchSize = 4096;
    private const int PageSize = 5000;

    public string Name => "Redis Streams";

    public string OutcomeSource => store == StoreKind.Redis
        ? $"Redis {RedisKeys.ResultPrefix}{{id}}"
        : $"MongoDB {MongoResults.DefaultDatabase}.{MongoResults.Collection}";

    public IReadOnlyList<string> QueueNames => PerfEnvironment.JobStreams;

    public async Task<IReadOnlyList<QueueState>> QueuesAsync()
    {
        var db = redis.GetDatabase();
        var result = new List<QueueState>();
        foreach (var stream in QueueNames)
        {
            var length = await db.StreamLengthAsync(stream).ConfigureAwait(false);
            var dead = await db.StreamLengthAsync(RedisKeys.DeadLetter(stream)).ConfigureAwait(false);
            long pending = 0, lag = 0;
            if (length > 0 || await db.KeyExistsAsync(stream).ConfigureAwait(false))
            {
                var group = (await db.StreamGroupInfoAsync(stream).ConfigureAwait(false)).FirstOrDefault(g => g.Name == RedisKeys.ConsumerGroup);
                pending = group.PendingMessageCount;
                // Lag is null when Redis cannot tell (after deletions); then every entry may be unread.
                lag = group.Name is null ? length : group.Lag ?? length;
            }

            result.Add(new QueueState(stream, length, pending, lag, dead));
        }

        return result;
    }

    public async Task<JobCounters> CountersAsync()
    {
        var hash = (await redis.GetDatabase().HashGetAllAsync(RedisKeys.Counters).ConfigureAwait(false))
            .ToDictionary(e => e.Name.ToString(), e => (long)e.Value);
        long Get(string name) => hash.TryGetValue(name, out var value) ? value : 0;
        return new JobCounters(Get(CounterNames.Accepted), Get(CounterNames.Processed), Get(CounterNames.DeadLettered), Get(CounterNames.Duplicates),
            Get(CounterNames.Retried), Get(CounterNames.FailedAttempts), Get(CounterNames.BackpressureRejected));
    }

    public Task<IReadOnlyDictionary<long, long>> JobLatencyBucketsAsync() => JobLatencyBuckets.ReadAsync(redis.GetDatabase());

    public string DescribeReadiness(string workerName) =>
        $"{workerName} to connect to Redis (client name '{workerName}') with consumer group '{RedisKeys.ConsumerGroup}' on {string.Join(", ", QueueNames)}";

    /// <summary>
    /// Ready when the worker's named Redis connection is open and the consumer group exists on every job stream (the
    /// worker creates the groups before its first read). Redis 7.0 registers a consumer only when a read returns entries,
    /// so XINFO CONSUMERS cannot tell an idle worker from an absent one; the client name can.
    /// </summary>
    public async Task<bool> IsWorkerReadyAsync(string workerName)
    {
        var clients = await redis.GetServers()[0].ClientListAsync().ConfigureAwait(false);
        if (!clients.Any(c => c.Name == workerName))
        {
            return false;
        }

        var database = redis.GetDatabase();
        foreach (var stream in QueueNames)
        {
            if (!await database.KeyExistsAsync(stream).ConfigureAwait(false) ||
                !(await database.StreamGroupInfoAsync(stream).ConfigureAwait(false)).Any(g => g.Name == RedisKeys.ConsumerGroup))
            {
                return false;
            }
        }

        return true;
    }

    public async Task<FinishedJobs> ReadFinishedAsync(CancellationToken ct)
    {
        var deadLetters = await ReadDeadLettersAsync(redis.GetDatabase()).ConfigureAwait(false);
        var stored = store == StoreKind.Redis
            ? await ScanRedisResultsAsync(ct).ConfigureAwait(false)
            : await ReadMongoResultsAsync(ct).ConfigureAwait(false);
        return new FinishedJobs(stored, deadLetters);
    }

    /// <summary>The status field of each job's state hash, in pipelined batches; deliveries are not kept per job here (null).</summary>
    public async Task<IReadOnlyList<JobTrace>> ReadJobsAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        var db = redis.GetDatabase();
        var traces = new JobTrace[ids.Count];
        for (var start = 0; start < ids.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, ids.Count - start);
            var batch = db.CreateBatch();
            var status = new Task<RedisValue>[count];
            for (var i = 0; i < count; i++)
            {
                status[i] = batch.HashGetAsync(RedisKeys.Job(ids[start + i]), JobFields.Status);
            }

            batch.Execute();
            await Task.WhenAll(status).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                var state = status[i].Result;
                traces[start + i] = new JobTrace(state.IsNull ? FinishedJobs.MissingState : state.ToString(), null);
            }
        }

        return traces;
    }

    /// <summary>Job id → number of dead-letter entries, over every job stream's dead-letter stream, read in pages.</summary>
    private static async Task<Dictionary<string, int>> ReadDeadLettersAsync(IDatabase db)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var stream in JobStoreKeys.DeadLetterStreams)
        {
            RedisValue from = "-";
            while (true)
            {
                var page = await db.StreamRangeAsync(stream, from, "+", PageSize).ConfigureAwait(false);
                foreach (var entry in page)
                {
                    var id = entry[JobFields.Id];
                    var key = id.IsNullOrEmpty ? $"(entry {entry.Id} without id)" : id.ToString();
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }

                if (page.Length < PageSize)
                {
                    break;
                }

                from = "(" + page[^1].Id;
            }
        }

        return counts;
    }

    private async Task<HashSet<string>> ScanRedisResultsAsync(CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var pattern = RedisKeys.ResultPrefix + "*";
        foreach (var server in redis.GetServers().Where(s => !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: PageSize).WithCancellation(ct).ConfigureAwait(false))
            {
                ids.Add(key.ToString()[RedisKeys.ResultPrefix.Length..]);
            }
        }

        return ids;
    }

    private async Task<HashSet<string>> ReadMongoResultsAsync(CancellationToken ct)
    {
        if (mongoConnectionString is null)
        {
            throw new InvalidOperationException("the Mongo store is in use but no MongoDB connection is known, so stored results cannot be audited");
        }

        var collection = new MongoClient(mongoConnectionString).GetDatabase(MongoResults.DefaultDatabase).GetCollection<BsonDocument>(MongoResults.Collection);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var cursor = await collection.Find(FilterDefinition<BsonDocument>.Empty)
            .Project(Builders<BsonDocument>.Projection.Include("_id"))
            .ToCursorAsync(ct).ConfigureAwait(false);
        while (await cursor.MoveNextAsync(ct).ConfigureAwait(false))
        {
            foreach (var document in cursor.Current)
            {
                ids.Add(document["_id"].ToString()!);
            }
        }

        return ids;
    }
}
