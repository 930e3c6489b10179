using Perf.Engine.Profiles;

namespace Perf.Engine.Running;

/// <summary>A scenario ready to run: its steps with loops unrolled, and virtual-user counters per load model.</summary>
internal sealed class CompiledScenario(int index, Scenario scenario, CompiledFlowStep[] steps)
{
    private readonly long[] _created = new long[2];
    private readonly long[] _completed = new long[2];
    private readonly long[] _failed = new long[2];

    public int Index { get; } = index;

    public Scenario Scenario { get; } = scenario;

    public CompiledFlowStep[] Steps { get; } = steps;

    public bool NeedsVariables { get; } = steps.Any(s => s.UsesVariables);

    public long Created(LoadModel model) => Volatile.Read(ref _created[(int)model]);

    public long Completed(LoadModel model) => Volatile.Read(ref _completed[(int)model]);

    public long Failed(LoadModel model) => Volatile.Read(ref _failed[(int)model]);

    public void VirtualUserCreated(LoadModel model) => Interlocked.Increment(ref _created[(int)model]);

    public void VirtualUserCompleted(LoadModel model) => Interlocked.Increment(ref _completed[(int)model]);

    public void VirtualUserFailed(LoadModel model) => Interlocked.Increment(ref _failed[(int)model]);
}
