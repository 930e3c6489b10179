using System.Diagnostics;

namespace Perf.Engine.Running;

internal sealed class CompiledThink(TimeSpan duration) : CompiledFlowStep
{
    public long Ticks { get; } = (long)(duration.TotalSeconds * Stopwatch.Frequency);

    public override bool UsesVariables => false;
}
