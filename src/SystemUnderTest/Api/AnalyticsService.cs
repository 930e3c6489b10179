using System.Text.Json;
using Microsoft.Extensions.Options;
using SystemUnderTest.Contracts;
using SystemUnderTest.Options;
using SystemUnderTest.Redis;
using SystemUnderTest.Store;

namespace SystemUnderTest.Api;

/// <summary>The analytics summary, aggregated by the store and cached in Redis for Api__AnalyticsCacheSeconds.</summary>
public sealed class AnalyticsService(RedisConnectionPool redis, IResultStore store, IOptions<ApiOptions> options)
{
    public async Task<AnalyticsSummary> GetSummaryAsync(CancellationToken cancellationToken)
    {
        var ttl = options.Value.AnalyticsCacheSeconds;
        var database = redis.GetDatabase();
        if (ttl > 0)
        {
            var cached = await database.StringGetAsync(RedisKeys.AnalyticsCache);
            if (cached.HasValue && JsonSerializer.Deserialize((string)cached!, SutJsonContext.Default.AnalyticsSummary) is { } hit)
            {
                return hit with { Cached = true };
            }
        }

        var summary = await store.GetSummaryAsync(cancellationToken);
        if (ttl > 0)
        {
            var json = JsonSerializer.Serialize(summary, SutJsonContext.Default.AnalyticsSummary);
            await database.StringSetAsync(RedisKeys.AnalyticsCache, json, TimeSpan.FromSeconds(ttl));
        }

        return summary;
    }
}
