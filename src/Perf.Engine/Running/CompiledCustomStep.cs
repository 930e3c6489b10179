using Perf.Engine.Profiles;

namespace Perf.Engine.Running;

internal sealed class CompiledCustomStep(CustomStep step, int keyIndex) : CompiledFlowStep
{
    public CustomStep Step { get; } = step;

    public int KeyIndex { get; } = keyIndex;

    public override bool UsesVariables => true;
}
