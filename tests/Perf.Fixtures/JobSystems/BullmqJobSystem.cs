using System.Text;
using SystemUnderTest.Contracts;
using Perf.Fixtures.Metrics;
using Perf.Model.Metrics;
using StackExchange.Redis;

namespace Perf.Fixtures.JobSystems;

/// <summary>
/// A BullMQ system, read from BullMQ's own keys (checked against bullmq 6.7.0: classes/queue-keys.js and
/// commands/*.lua): per queue <c>&lt;prefix&gt;:&lt;queue&gt;:wait|paused|active</c> (lists),
/// <c>:delayed|prioritized|completed|failed</c> (sorted sets; completed and failed scored by finish time), and per job
/// the hash <c>&lt;prefix&gt;:&lt;queue&gt;:&lt;id&gt;</c> with <c>timestamp</c>, <c>processedOn</c>, <c>finishedOn</c>,
/// <c>returnvalue</c> or <c>failedReason</c>, <c>ats</c> (attempts started), <c>atm</c> (attempts made) and <c>stc</c> (stalled count).
/// Finished jobs are found only while the system keeps them (the BullMQ system under test: Worker__JobKeyRetentionSeconds,
/// through removeOnComplete / removeOnFail <c>{ age }</c>), so an audit must run within that retention. The job id is the
/// API's id (a custom BullMQ job id). Counters BullMQ does not keep come from the system's <c>perf:counters</c> hash
/// when it has one.
/// </summary>
public sealed class BullmqJobSystem(IConnectionMultiplexer redis, IReadOnlyList<string> queues, string prefix = BullmqJobSystem.DefaultPrefix) : IJobSystem
{
    public const string DefaultPrefix = "bull";
    private const int BatchSize = 4096;
    private const int PageSize = 5000;
    private static readonly RedisValue[] JobFields = ["timestamp", "finishedOn", "returnvalue", "processedOn", "ats"];

    private readonly Dictionary<string, long> _latencyCursor = [];
    private readonly Dictionary<long, long> _latencyBuckets = [];
    private readonly SemaphoreSlim _latencyLock = new(1, 1);

    public string Name => "BullMQ";

    public string OutcomeSource => $"BullMQ {prefix}:<queue>:completed|failed";

    public IReadOnlyList<string> QueueNames => queues;

    public async Task<IReadOnlyList<QueueState>> QueuesAsync()
    {
        var db = redis.GetDatabase();
        var result = new List<QueueState>();
        foreach (var queue in queues)
        {
            var batch = db.CreateBatch();
            var wait = batch.ListLengthAsync(Key(queue, "wait"));
            var paused = batch.ListLengthAsync(Key(queue, "paused"));
            var active = batch.ListLengthAsync(Key(queue, "active"));
            var delayed = batch.SortedSetLengthAsync(Key(queue, "delayed"));
            var prioritized = batch.SortedSetLengthAsync(Key(queue, "prioritized"));
            var failed = batch.SortedSetLengthAsync(Key(queue, "failed"));
            batch.Execute();
            await Task.WhenAll(wait, paused, active, delayed, prioritized, failed).ConfigureAwait(false);
            var notTaken = wait.Result + paused.Result + delayed.Result + prioritized.Result;
            result.Add(new QueueState(queue, notTaken + active.Result, active.Result, notTaken, failed.Result));
        }

        return result;
    }

    /// <summary>Processed and dead-lettered are BullMQ's own: the sizes of the completed and failed sets.</summary>
    public async Task<JobCounters> CountersAsync()
    {
        var db = redis.GetDatabase();
        var hash = (await db.HashGetAllAsync(RedisKeys.Counters).ConfigureAwait(false)).ToDictionary(e => e.Name.ToString(), e => (long)e.Value);
        long Get(string name) => hash.TryGetValue(name, out var value) ? value : 0;
        long completed = 0, failed = 0;
        foreach (var queue in queues)
        {
            completed += await db.SortedSetLengthAsync(Key(queue, "completed")).ConfigureAwait(false);
            failed += await db.SortedSetLengthAsync(Key(queue, "failed")).ConfigureAwait(false);
        }

        return new JobCounters(Get(CounterNames.Accepted), completed, failed, Get(CounterNames.Duplicates), Get(CounterNames.Retried), Get(CounterNames.FailedAttempts),
            Get(CounterNames.BackpressureRejected));
    }

    /// <summary>
    /// finishedOn − timestamp of every completed job, bucketed as this suite buckets job latency. Reads only the jobs
    /// completed since the last call (the completed set is scored by finish time), so a once-a-second sampler stays cheap.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, long>> JobLatencyBucketsAsync()
    {
        await _latencyLock.WaitAsync().ConfigureAwait(false);
        try
        {
            var db = redis.GetDatabase();
            foreach (var queue in queues)
            {
                var after = _latencyCursor.GetValueOrDefault(queue, -1);
                while (true)
                {
                    var page = await db.SortedSetRangeByScoreWithScoresAsync(Key(queue, "completed"), after, double.PositiveInfinity,
                        Exclude.Start, skip: 0, take: PageSize).ConfigureAwait(false);
                    if (page.Length == 0)
                    {
                        break;
                    }

                    // A page may end inside a run of equal scores: keep that run for the next read.
                    var last = (long)page[^1].Score;
                    var complete = page.Length < PageSize ? page : page.Where(e => (long)e.Score < last).ToArray();
                    if (complete.Length == 0)
                    {
                        complete = page;
                    }

                    await AddLatenciesAsync(db, queue, complete).ConfigureAwait(false);
                    after = (long)complete[^1].Score;
                    _latencyCursor[queue] = after;
                    if (page.Length < PageSize)
                    {
                        break;
                    }
                }
            }

            return new Dictionary<long, long>(_latencyBuckets);
        }
        finally
        {
            _latencyLock.Release();
        }
    }

    public string DescribeReadiness(string workerName) =>
        $"{workerName} to connect its BullMQ worker (client name '{WorkerClientName(queues[0], workerName)}', one per queue of {string.Join(", ", queues)})";

    /// <summary>A BullMQ worker names its connection <c>&lt;prefix&gt;:&lt;base64(queue)&gt;:w:&lt;worker name&gt;</c> (Queue.getWorkers() reads the same).</summary>
    public async Task<bool> IsWorkerReadyAsync(string workerName)
    {
        var names = (await redis.GetServers()[0].ClientListAsync().ConfigureAwait(false)).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return queues.All(queue => names.Contains(WorkerClientName(queue, workerName)));
    }

    public async Task<FinishedJobs> ReadFinishedAsync(CancellationToken ct)
    {
        var db = redis.GetDatabase();
        var completed = new HashSet<string>(StringComparer.Ordinal);
        var failed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var queue in queues)
        {
            foreach (var id in await ReadSetAsync(db, Key(queue, "completed"), ct).ConfigureAwait(false))
            {
                completed.Add(id);
            }

            foreach (var id in await ReadSetAsync(db, Key(queue, "failed"), ct).ConfigureAwait(false))
            {
                failed[id] = failed.GetValueOrDefault(id) + 1;
            }
        }

        return new FinishedJobs(completed, failed);
    }

    /// <summary>
    /// Each id's job hash, looked up in every queue (an id names no queue): its state from finishedOn / returnvalue /
    /// processedOn, and ats. Not from failedReason: a job that completed after a failed attempt keeps that attempt's reason.
    /// </summary>
    public async Task<IReadOnlyList<JobTrace>> ReadJobsAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        var db = redis.GetDatabase();
        var traces = new JobTrace[ids.Count];
        for (var start = 0; start < ids.Count; start += BatchSize)
        {
            ct.ThrowIfCancellationRequested();
            var count = Math.Min(BatchSize, ids.Count - start);
            var batch = db.CreateBatch();
            var reads = new Task<RedisValue[]>[count, queues.Count];
            for (var i = 0; i < count; i++)
            {
                for (var q = 0; q < queues.Count; q++)
                {
                    reads[i, q] = batch.HashGetAsync(Key(queues[q], ids[start + i]), JobFields);
                }
            }

            batch.Execute();
            for (var i = 0; i < count; i++)
            {
                traces[start + i] = new JobTrace(FinishedJobs.MissingState, null);
                for (var q = 0; q < queues.Count; q++)
                {
                    var fields = await reads[i, q].ConfigureAwait(false);
                    if (fields.Any(f => !f.IsNull))
                    {
                        traces[start + i] = Trace(fields);
                        break;
                    }
                }
            }
        }

        return traces;
    }

    private static JobTrace Trace(RedisValue[] fields)
    {
        var (finishedOn, returnValue, processedOn, starts) = (fields[1], fields[2], fields[3], fields[4]);
        var state = !finishedOn.IsNull
            ? returnValue.IsNull ? FinishedJobs.FailedState : FinishedJobs.CompletedState
            : processedOn.IsNull ? "waiting" : "active or retrying";
        return new JobTrace(state, starts.IsNull ? 0 : (int)starts);
    }

    private async Task AddLatenciesAsync(IDatabase db, string queue, SortedSetEntry[] completed)
    {
        var batch = db.CreateBatch();
        var reads = completed.Select(e => batch.HashGetAsync(Key(queue, e.Element.ToString()), ["timestamp", "finishedOn"])).ToArray();
        batch.Execute();
        foreach (var read in reads)
        {
            var fields = await read.ConfigureAwait(false);
            if (fields[0].TryParse(out long enqueued) && fields[1].TryParse(out long finished))
            {
                var bucket = JobLatencyBuckets.BucketOf(finished - enqueued);
                _latencyBuckets[bucket] = _latencyBuckets.GetValueOrDefault(bucket) + 1;
            }
        }
    }

    private static async Task<List<string>> ReadSetAsync(IDatabase db, string key, CancellationToken ct)
    {
        var ids = new List<string>();
        for (long start = 0; ; start += PageSize)
        {
            ct.ThrowIfCancellationRequested();
            var page = await db.SortedSetRangeByRankAsync(key, start, start + PageSize - 1).ConfigureAwait(false);
            ids.AddRange(page.Select(v => v.ToString()));
            if (page.Length < PageSize)
            {
                return ids;
            }
        }
    }

    private string Key(string queue, string part) => $"{prefix}:{queue}:{part}";

    private string WorkerClientName(string queue, string workerName) =>
        $"{prefix}:{Convert.ToBase64String(Encoding.UTF8.GetBytes(queue))}:w:{workerName}";
}
