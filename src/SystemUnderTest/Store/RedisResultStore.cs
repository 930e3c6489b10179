using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;
using SystemUnderTest.Jobs;
using SystemUnderTest.Options;
using SystemUnderTest.Redis;

namespace SystemUnderTest.Store;

/// <summary>
/// The Redis alternative: <c>SET result:{id} NX</c>, and on the first insert only the aggregates, the processed
/// counter and the latency sample, all in one Lua script so a crash cannot leave a result without its counts.
/// </summary>
public sealed class RedisResultStore(RedisConnectionPool redis) : IResultStore
{
    // KEYS: result, aggregates, counters, latency list. ARGV: result json, type, amount, currency, latency ms.
    private const string StoreScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
          if ARGV[2] == 'payment' then
            redis.call('HINCRBY', KEYS[2], 'payments:count', 1)
            redis.call('HINCRBYFLOAT', KEYS[2], 'payments:totalAmount', ARGV[3])
            redis.call('HINCRBY', KEYS[2], 'payments:currency:' .. ARGV[4] .. ':count', 1)
            redis.call('HINCRBYFLOAT', KEYS[2], 'payments:currency:' .. ARGV[4] .. ':totalAmount', ARGV[3])
          else
            redis.call('HINCRBY', KEYS[2], 'notifications:count', 1)
          end
          redis.call('HINCRBY', KEYS[2], 'latency:count', 1)
          redis.call('HINCRBY', KEYS[2], 'latency:sumMs', ARGV[5])
          redis.call('HINCRBY', KEYS[3], 'processed', 1)
          redis.call('RPUSH', KEYS[4], ARGV[5])
          return 1
        end
        redis.call('HINCRBY', KEYS[3], 'duplicates', 1)
        return 0
        """;

    private const string CurrencyPrefix = "payments:currency:";

    public string Kind => StoreOptions.Redis;

    public async Task<StoreOutcome> StoreAsync(JobResult result, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(result, StoreJsonContext.Default.JobResult);
        var stored = (long)await redis.GetDatabase().ScriptEvaluateAsync(
            StoreScript,
            [RedisKeys.Result(result.Id), RedisKeys.Aggregates, RedisKeys.Counters, RedisKeys.JobLatency],
            [
                json,
                result.Type,
                (result.Amount ?? 0m).ToString(CultureInfo.InvariantCulture),
                result.Currency ?? string.Empty,
                result.LatencyMs,
            ]);
        return stored == 1 ? StoreOutcome.Stored : StoreOutcome.Duplicate;
    }

    public async Task<AnalyticsSummary> GetSummaryAsync(CancellationToken cancellationToken)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(RedisKeys.Aggregates);
        var values = entries.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);
        var byCurrency = new Dictionary<string, CurrencySummary>(StringComparer.Ordinal);
        foreach (var key in values.Keys.Where(k => k.StartsWith(CurrencyPrefix, StringComparison.Ordinal) && k.EndsWith(":count", StringComparison.Ordinal)))
        {
            var currency = key[CurrencyPrefix.Length..^":count".Length];
            byCurrency[currency] = new CurrencySummary(
                Long(values, key),
                Round(Decimal(values, $"{CurrencyPrefix}{currency}:totalAmount")));
        }

        var latencyCount = Long(values, "latency:count");
        return new AnalyticsSummary(
            new PaymentsSummary(Long(values, "payments:count"), Round(Decimal(values, "payments:totalAmount")), byCurrency),
            new NotificationsSummary(Long(values, "notifications:count")),
            new LatencyAverage(latencyCount == 0 ? 0 : (double)Long(values, "latency:sumMs") / latencyCount),
            Cached: false,
            GeneratedAt: DateTimeOffset.UtcNow);
    }

    public async Task PingAsync(CancellationToken cancellationToken) =>
        await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);

    private static long Long(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static decimal Decimal(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0m;

    // HINCRBYFLOAT accumulates in binary floating point; cents are the meaningful precision.
    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
