using Perf.Model;

namespace Perf.Reports.Comparison.Rules;

/// <summary>Redis lowered maxclients below the configured value, which it does when its file-descriptor limit is too low.</summary>
internal sealed class LoweredMaxClientsRule : SystemRule
{
    /// <summary>File descriptors Redis keeps for itself beyond maxclients (redis.conf: "32 for internal use").</summary>
    public const long RedisReservedDescriptors = 32;

    protected override Recommendation? Evaluate(ComparisonSide side, ConfigurationRunReport report)
    {
        if (ComparisonSide.Redis(report) is not { MaxClientsRequested: { } requested } config || config.MaxClients >= requested)
        {
            return null;
        }

        return new("maxclients-lowered", $"{side.Name}: Redis lowered maxclients below the configured value",
            $"requested {NumberText.F(requested)}, in force {NumberText.F(config.MaxClients)}" + (config.MaxClientsNote is { } note ? $" ({note})" : "") +
            (side.RejectedConnections is > 0 ? $"; {NumberText.F(side.RejectedConnections)} connections were rejected" : ""),
            $"raise the Redis process's file-descriptor limit (`ulimit -n`, or the container's `--ulimit nofile`) to at least " +
            $"{NumberText.F(requested + RedisReservedDescriptors)} (maxclients + {RedisReservedDescriptors})");
    }
}
