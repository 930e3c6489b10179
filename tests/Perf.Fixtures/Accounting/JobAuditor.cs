using System.Diagnostics;
using MongoDB.Bson;
using MongoDB.Driver;
using Perf.Model.Accounting;
using Perf.Model.Settings;
using StackExchange.Redis;

namespace Perf.Fixtures.Accounting;

/// <summary>
/// Audits a run id by id (see <see cref="JobAudit"/>). Reads are pipelined in batches (one round trip per batch of
/// EXISTS + HGET), the dead-letter streams are read in pages, and the store's own ids are scanned to find results no
/// client saw accepted.
/// </summary>
public static class JobAuditor
{
    private const int BatchSize = 4096;
    private const int PageSize = 5000;

    public static Task<JobAudit> AuditAsync(PerfEnvironment environment, IEnumerable<string> ledgerIds, JobAccounting jobs, string? ledgerFile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return AuditAsync(JobAuditTarget.Of(environment), ledgerIds, jobs.Drained, (jobs.Processed, jobs.DeadLettered), ledgerFile, ct);
    }

    /// <summary>
    /// Audits <paramref name="ledgerIds"/> against <paramref name="target"/>; <paramref name="drained"/> says whether the queues
    /// drained first, <paramref name="sutCounts"/> are the SUT's processed and dead-lettered counters to compare (null: none),
    /// <paramref name="ledgerFile"/> is recorded in the result as written.
    /// </summary>
    public static async Task<JobAudit> AuditAsync(
        JobAuditTarget target, IEnumerable<string> ledgerIds, bool drained, (long Processed, long DeadLettered)? sutCounts, string? ledgerFile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(ledgerIds);
        var watch = Stopwatch.StartNew();
        var ledger = new HashSet<string>(StringComparer.Ordinal);
        long repeats = 0;
        foreach (var id in ledgerIds)
        {
            if (!ledger.Add(id))
            {
                repeats++;
            }
        }

        var db = target.Redis.GetDatabase();
        var deadLetters = await ReadDeadLettersAsync(db).ConfigureAwait(false);
        var storeIds = target.Store == StoreKind.Redis
            ? await ScanRedisResultsAsync(target.Redis, ct).ConfigureAwait(false)
            : await ReadMongoResultsAsync(target.MongoConnectionString, ct).ConfigureAwait(false);
        var ids = ledger.ToArray();
        var (stored, states) = await ReadLedgerIdsAsync(db, ids, target.Store == StoreKind.Redis ? null : storeIds).ConfigureAwait(false);

        long storedOnly = 0, deadOnly = 0, lost = 0, twice = 0, mismatches = 0;
        List<string> lostSample = [], doubleSample = [], mismatchSample = [];
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            var deadCount = deadLetters.GetValueOrDefault(id);
            var outcomes = (stored[i] ? 1 : 0) + deadCount;
            var state = states[i].IsNull ? "missing" : states[i].ToString();
            if (outcomes == 0)
            {
                Sample(lostSample, $"{id} (job state: {state})", ref lost);
            }
            else if (outcomes > 1)
            {
                Sample(doubleSample, stored[i] ? $"{id} (stored and dead-lettered {deadCount}x)" : $"{id} (dead-lettered {deadCount}x)", ref twice);
            }
            else
            {
                var expected = stored[i] ? "completed" : "failed";
                if (stored[i])
                {
                    storedOnly++;
                }
                else
                {
                    deadOnly++;
                }

                if (state != expected)
                {
                    Sample(mismatchSample, $"{id} ({(stored[i] ? "stored" : "dead-lettered")}, job state: {state})", ref mismatches);
                }
            }
        }

        long unknown = 0;
        List<string> unknownSample = [];
        foreach (var id in storeIds.Where(id => !ledger.Contains(id)))
        {
            Sample(unknownSample, $"{id} (stored)", ref unknown);
        }

        foreach (var id in deadLetters.Keys.Where(id => !ledger.Contains(id) && !storeIds.Contains(id)))
        {
            Sample(unknownSample, $"{id} (dead-lettered)", ref unknown);
        }

        var disagreements = new List<string>();
        if (sutCounts is var (processed, deadLettered))
        {
            if (processed != storeIds.Count)
            {
                disagreements.Add($"the SUT counted {processed} processed, the store holds {storeIds.Count} result(s)");
            }

            var deadEntries = deadLetters.Values.Sum();
            if (deadLettered != deadEntries)
            {
                disagreements.Add($"the SUT counted {deadLettered} dead-lettered, the dead-letter streams hold {deadEntries} entr(y/ies)");
            }
        }

        return new JobAudit(target.Describe(), ledgerFile, ids.Length, repeats, storedOnly, deadOnly, lost, lostSample, twice, doubleSample,
            unknown, unknownSample, drained, mismatches, mismatchSample, disagreements, Math.Round(watch.Elapsed.TotalSeconds, 3));
    }

    private static void Sample(List<string> sample, string entry, ref long count)
    {
        count++;
        if (sample.Count < JobAudit.SampleSize)
        {
            sample.Add(entry);
        }
    }

    /// <summary>Per ledger id: stored? (EXISTS result:{id}, or membership in the Mongo ids) and the job state's status, in pipelined batches.</summary>
    private static async Task<(bool[] Stored, RedisValue[] States)> ReadLedgerIdsAsync(IDatabase db, string[] ids, HashSet<string>? mongoIds)
    {
        var stored = new bool[ids.Length];
        var states = new RedisValue[ids.Length];
        for (var start = 0; start < ids.Length; start += BatchSize)
        {
            var count = Math.Min(BatchSize, ids.Length - start);
            var batch = db.CreateBatch();
            var exists = mongoIds is null ? new Task<bool>[count] : null;
            var status = new Task<RedisValue>[count];
            for (var i = 0; i < count; i++)
            {
                var id = ids[start + i];
                if (exists is not null)
                {
                    exists[i] = batch.KeyExistsAsync(JobStoreKeys.Result(id));
                }

                status[i] = batch.HashGetAsync(JobStoreKeys.JobState(id), JobStoreKeys.StatusField);
            }

            batch.Execute();
            await Task.WhenAll(status).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                stored[start + i] = exists is null ? mongoIds!.Contains(ids[start + i]) : await exists[i].ConfigureAwait(false);
                states[start + i] = status[i].Result;
            }
        }

        return (stored, states);
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
                    var id = entry[JobStoreKeys.IdField];
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

    private static async Task<HashSet<string>> ScanRedisResultsAsync(IConnectionMultiplexer redis, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var pattern = JobStoreKeys.ResultPrefix + "*";
        foreach (var server in redis.GetServers().Where(s => !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: PageSize).WithCancellation(ct).ConfigureAwait(false))
            {
                ids.Add(key.ToString()[JobStoreKeys.ResultPrefix.Length..]);
            }
        }

        return ids;
    }

    private static async Task<HashSet<string>> ReadMongoResultsAsync(string? connectionString, CancellationToken ct)
    {
        if (connectionString is null)
        {
            throw new InvalidOperationException("the Mongo store is in use but no MongoDB connection is known, so stored results cannot be audited");
        }

        var collection = new MongoClient(connectionString).GetDatabase(JobStoreKeys.MongoDatabase).GetCollection<BsonDocument>(JobStoreKeys.MongoCollection);
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
