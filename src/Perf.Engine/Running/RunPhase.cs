using Perf.Engine.Profiles;

namespace Perf.Engine.Running;

/// <summary>A phase placed on the run's clock: its position and the Stopwatch timestamp of its intended start.</summary>
internal sealed record RunPhase(int Index, Phase Phase, long StartTimestamp)
{
    public long EndTimestamp { get; } = StartTimestamp + (long)(Phase.Duration.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
}
