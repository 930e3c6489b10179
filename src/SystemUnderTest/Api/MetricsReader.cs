using SystemUnderTest.Contracts;
using SystemUnderTest.Metrics;
using SystemUnderTest.Queue;
using SystemUnderTest.Redis;

namespace SystemUnderTest.Api;

/// <summary>Builds GET /metrics/jobs from perf:counters, the streams and the latency buckets (O(buckets), not O(jobs)).</summary>
public sealed class MetricsReader(RedisConnectionPool redis, QueueInspector inspector)
{
    public async Task<JobMetrics> ReadAsync()
    {
        var database = redis.GetDatabase();
        var counters = database.HashGetAllAsync(RedisKeys.Counters);
        var buckets = database.HashGetAllAsync(RedisKeys.JobLatencyBuckets);
        var streams = await inspector.GetStreamsAsync();
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in await counters)
        {
            if (entry.Value.TryParse(out long value))
            {
                values[entry.Name.ToString()] = value;
            }
        }

        long Counter(string name) => values.GetValueOrDefault(name);
        var accepted = Counter(CounterNames.Accepted);
        var processed = Counter(CounterNames.Processed);
        var deadLettered = Counter(CounterNames.DeadLettered);
        var lastOutcome = Counter(CounterNames.LastOutcomeAtMs);
        return new JobMetrics(
            accepted,
            processed,
            deadLettered,
            Counter(CounterNames.Duplicates),
            Counter(CounterNames.Retried),
            Counter(CounterNames.FailedAttempts),
            Counter(CounterNames.BackpressureRejected),
            Counter(CounterNames.EmptyPolls),
            streams,
            JobLatencyHistogram.Read(await buckets))
        {
            Outstanding = Math.Max(0, accepted - processed - deadLettered),
            IdempotentReplays = Counter(CounterNames.IdempotentReplays),
            AckMisses = Counter(CounterNames.AckMisses),
            MemoryRejected = Counter(CounterNames.MemoryRejected),
            LastOutcomeAtMs = lastOutcome == 0 ? null : lastOutcome,
        };
    }
}
