using Perf.Engine.Profiles;

namespace Perf.Engine.Running;

/// <summary>
/// The profile turned into what the hot path needs: compiled scenarios (loops unrolled), one stats key per request
/// key or custom step, and a cumulative-weight table for picking scenarios.
/// </summary>
internal sealed class CompiledPlan
{
    private readonly int[] _cumulativeWeights;
    private readonly int _totalWeight;
    private readonly Dictionary<string, StepKey> _keys = new(StringComparer.Ordinal);

    public CompiledPlan(LoadProfile profile)
    {
        Profile = profile;
        var baseUrl = profile.Target.ToString().TrimEnd('/');
        Scenarios = [.. profile.Scenarios.Select((scenario, i) => new CompiledScenario(i, scenario, [.. Compile(scenario.Flow, baseUrl)]))];
        Keys = [.. _keys.Values.OrderBy(k => k.Index)];

        _cumulativeWeights = new int[Scenarios.Length];
        for (var i = 0; i < Scenarios.Length; i++)
        {
            _totalWeight += Scenarios[i].Scenario.Weight;
            _cumulativeWeights[i] = _totalWeight;
        }

        HasClosedPhases = profile.Phases.Any(p => p.Model == LoadModel.Closed);
    }

    public LoadProfile Profile { get; }

    public CompiledScenario[] Scenarios { get; }

    public StepKey[] Keys { get; }

    public bool HasClosedPhases { get; }

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

    private IEnumerable<CompiledFlowStep> Compile(IEnumerable<FlowStep> flow, string baseUrl)
    {
        foreach (var step in flow)
        {
            switch (step)
            {
                case RequestStep request:
                    yield return new CompiledStep(request, baseUrl, KeyOf(request.Key, request.Method.Method, request.Url, request.Name));
                    break;
                case CustomStep custom:
                    yield return new CompiledCustomStep(custom, KeyOf(custom.Key, CustomStep.Method, custom.Name, custom.Name));
                    break;
                case ThinkStep think:
                    yield return new CompiledThink(think.Duration);
                    break;
                case LoopStep loop:
                    // Unrolled: the same steps (and stats keys) repeated, so the hot path stays a flat array.
                    for (var i = 0; i < loop.Count; i++)
                    {
                        foreach (var inner in Compile(loop.Steps, baseUrl))
                        {
                            yield return inner;
                        }
                    }

                    break;
                default:
                    throw new ArgumentException($"unknown step type {step.GetType().Name}", nameof(flow));
            }
        }
    }

    private int KeyOf(string key, string method, string url, string? name)
    {
        if (!_keys.TryGetValue(key, out var entry))
        {
            entry = new StepKey(_keys.Count, key, method, url, name);
            _keys[key] = entry;
        }

        return entry.Index;
    }
}
