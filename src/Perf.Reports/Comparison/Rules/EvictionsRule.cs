using Perf.Model;

namespace Perf.Reports.Comparison.Rules;

/// <summary>Redis evicted keys during the run: with an allkeys policy, queue streams and job state can go too.</summary>
internal sealed class EvictionsRule : SystemRule
{
    protected override Recommendation? Evaluate(ComparisonSide side, ConfigurationRunReport report)
    {
        if (side.EvictedKeys is not { } evicted || evicted <= 0)
        {
            return null;
        }

        var config = ComparisonSide.Redis(report);
        var policy = config?.MaxMemoryPolicy ?? "unknown";
        var queueRisk = policy.StartsWith("allkeys-", StringComparison.Ordinal)
            ? $"with `{policy}` any key can go, queue streams and job state (job:*) included"
            : $"with `{policy}` keys with a TTL went first";
        return new("evictions", $"{side.Name}: Redis evicted keys",
            $"{NumberText.F(evicted)} keys evicted during the run (maxmemory {(config is null ? NumberText.NotAvailable : NumberText.Bytes(config.MaxMemoryBytes))}, " +
            $"used memory peak {NumberText.F(side.RedisUsedMemoryPeakMb)} MB); {queueRisk}",
            "give the queue Redis `maxmemory-policy noeviction`: BullMQ's production guide names it the only policy that guarantees " +
            "correct queue behaviour, and this suite measured what eviction does (evicted queue entries, job state and idempotency " +
            "records lose accepted jobs and let a replayed key create a second job). A full Redis then refuses writes instead of " +
            "dropping jobs; keep admission control (Api__MemoryAdmissionPercent) below the cap so the refusal is a 503 on new jobs, " +
            "and put cached data such as the analytics summary on a separate Redis instance that may use an LRU policy");
    }
}
