using System.Globalization;
using StackExchange.Redis;
using SystemUnderTest.Jobs;
using SystemUnderTest.Queue;
using SystemUnderTest.Redis;

namespace SystemUnderTest.Api;

/// <summary>Builds GET /metrics/jobs from perf:counters, the streams and perf:job-latency-ms.</summary>
public sealed class MetricsReader(RedisConnectionPool redis, QueueInspector inspector)
{
    public async Task<JobMetrics> ReadAsync()
    {
        var database = redis.GetDatabase();
        var counters = database.HashGetAllAsync(RedisKeys.Counters);
        // LRANGE of the whole list: fine for the few hundred thousand samples of one run, and exact.
        var samples = database.ListRangeAsync(RedisKeys.JobLatency);
        var streams = await inspector.GetStreamsAsync();
        var values = (await counters).ToDictionary(e => e.Name.ToString(), e => (long)e.Value, StringComparer.Ordinal);
        long Counter(string name) => values.GetValueOrDefault(name);

        return new JobMetrics(
            Counter(CounterNames.Accepted),
            Counter(CounterNames.Processed),
            Counter(CounterNames.DeadLettered),
            Counter(CounterNames.Duplicates),
            Counter(CounterNames.Retried),
            Counter(CounterNames.FailedAttempts),
            Counter(CounterNames.BackpressureRejected),
            Counter(CounterNames.EmptyPolls),
            streams,
            Percentiles(await samples));
    }

    /// <summary>Nearest-rank percentiles of the latency samples.</summary>
    public static LatencyPercentiles Percentiles(RedisValue[] samples)
    {
        var values = new double[samples.Length];
        var count = 0;
        foreach (var sample in samples)
        {
            if (double.TryParse(sample.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                values[count++] = value;
            }
        }

        if (count == 0)
        {
            return new LatencyPercentiles(0, 0, 0, 0, 0);
        }

        Array.Sort(values, 0, count);
        double At(double p) => values[Math.Clamp((int)Math.Ceiling(p * count) - 1, 0, count - 1)];
        return new LatencyPercentiles(count, At(0.50), At(0.95), At(0.99), values[count - 1]);
    }
}
