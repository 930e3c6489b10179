using Perf.Model;

namespace Perf.Reports.Comparison.Rules;

/// <summary>Nothing was evicted and Redis stayed well below its memory cap: the run says nothing about the eviction policy.</summary>
internal sealed class MemoryCapUnexercisedRule : SystemRule
{
    /// <summary>Used memory peaking below this share of maxmemory leaves the cap unexercised.</summary>
    public const double UnusedShare = 0.5;

    protected override Recommendation? Evaluate(ComparisonSide side, ConfigurationRunReport report)
    {
        if (side.EvictedKeys != 0 || ComparisonSide.Redis(report) is not { MaxMemoryBytes: > 0 } capped || side.RedisUsedMemoryPeakMb is not { } peakMb ||
            !(peakMb * 1024 * 1024 < capped.MaxMemoryBytes * UnusedShare))
        {
            return null;
        }

        return new("memory-cap-unexercised", $"{side.Name}: the Redis memory cap was not exercised",
            $"0 keys evicted; used memory peaked at {NumberText.F(peakMb)} MB, {NumberText.F(peakMb * 1024 * 1024 / capped.MaxMemoryBytes * 100)} % of maxmemory " +
            $"{NumberText.Bytes(capped.MaxMemoryBytes)} (`{capped.MaxMemoryPolicy}`)",
            "this run says nothing about behaviour at the cap; to test the eviction policy, run with a lower maxmemory " +
            "(an extra Redis directive) or a longer profile");
    }
}
