using Perf.Engine.Profiles;
using Perf.Engine.Stats;

namespace Perf.Engine.Running;

/// <summary>
/// The profile turned into what the hot path needs: compiled scenarios, one recorder per request key, and a
/// cumulative-weight table for picking scenarios.
/// </summary>
internal sealed class CompiledPlan
{
    private readonly int[] _cumulativeWeights;
    private readonly int _totalWeight;

    public CompiledPlan(LoadProfile profile)
    {
        Profile = profile;
        var baseUrl = profile.Target.ToString().TrimEnd('/');
        var byKey = new Dictionary<string, (RequestStep First, TrafficRecorder Recorder)>(StringComparer.Ordinal);
        Scenarios = [.. profile.Scenarios.Select(scenario => new CompiledScenario(scenario, [.. scenario.Flow.Select(step =>
        {
            if (!byKey.TryGetValue(step.Key, out var entry))
            {
                entry = (step, new TrafficRecorder());
                byKey[step.Key] = entry;
            }

            return new CompiledStep(step, baseUrl, entry.Recorder);
        })]))];
        Requests = [.. byKey.Select(pair => (pair.Key, pair.Value.First, pair.Value.Recorder))];

        _cumulativeWeights = new int[Scenarios.Length];
        for (var i = 0; i < Scenarios.Length; i++)
        {
            _totalWeight += Scenarios[i].Scenario.Weight;
            _cumulativeWeights[i] = _totalWeight;
        }

        MaxFlowLength = Scenarios.Max(s => s.Steps.Length);
    }

    public LoadProfile Profile { get; }

    public CompiledScenario[] Scenarios { get; }

    public (string Key, RequestStep First, TrafficRecorder Recorder)[] Requests { get; }

    public int MaxFlowLength { get; }

    public CompiledScenario Pick(Random random)
    {
        var ticket = random.Next(_totalWeight);
        for (var i = 0; i < _cumulativeWeights.Length; i++)
        {
            if (ticket < _cumulativeWeights[i])
            {
                return Scenarios[i];
            }
        }

        return Scenarios[^1];
    }
}
