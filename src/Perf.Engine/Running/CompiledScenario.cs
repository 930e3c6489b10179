using Perf.Engine.Profiles;
using Perf.Engine.Stats;

namespace Perf.Engine.Running;

/// <summary>A scenario ready to run: compiled steps, its own recorder and virtual-user counters.</summary>
internal sealed class CompiledScenario(Scenario scenario, CompiledStep[] steps)
{
    private long _created;
    private long _completed;
    private long _failed;

    public Scenario Scenario { get; } = scenario;

    public CompiledStep[] Steps { get; } = steps;

    public TrafficRecorder Recorder { get; } = new();

    public bool NeedsVariables { get; } = steps.Any(s => s.UsesVariables);

    public long Created => Volatile.Read(ref _created);

    public long Completed => Volatile.Read(ref _completed);

    public long Failed => Volatile.Read(ref _failed);

    public void VirtualUserCreated() => Interlocked.Increment(ref _created);

    public void VirtualUserCompleted() => Interlocked.Increment(ref _completed);

    public void VirtualUserFailed() => Interlocked.Increment(ref _failed);
}
