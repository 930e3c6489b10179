using System.Globalization;
using StackExchange.Redis;
using SystemUnderTest.Contracts;
using SystemUnderTest.Options;
using SystemUnderTest.Redis;

namespace SystemUnderTest.Store;

/// <summary>
/// The Redis alternative: the worker's outcome script writes <c>result:{id}</c> and the aggregates hash in the same
/// step that decides the outcome and counts it, so there is no separate write and nothing to undo. This class reads.
/// </summary>
public sealed class RedisResultStore(RedisConnectionPool redis) : IResultStore
{
    private const string CurrencyPrefix = "payments:currency:";

    public string Kind => StoreOptions.Redis;

    public bool WritesInOutcomeScript => true;

    public Task<bool> WriteAsync(JobResult result, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task RetractAsync(string id, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> HasResultAsync(string id, CancellationToken cancellationToken) => Task.FromResult(false);

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
