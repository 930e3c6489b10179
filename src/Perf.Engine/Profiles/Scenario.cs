namespace Perf.Engine.Profiles;

/// <summary>A weighted scenario: each arrival picks one with probability weight / sum of weights.</summary>
public sealed record Scenario(string Name, int Weight, IReadOnlyList<FlowStep> Flow)
{
    /// <summary>The request steps of the flow in order, loop bodies included once each.</summary>
    public IReadOnlyList<RequestStep> Requests => [.. Flatten(Flow).OfType<RequestStep>()];

    /// <summary>Every step of the flow in order, loop bodies included once each (loops themselves left out).</summary>
    public static IEnumerable<FlowStep> Flatten(IEnumerable<FlowStep> flow)
    {
        foreach (var step in flow)
        {
            if (step is LoopStep loop)
            {
                foreach (var inner in Flatten(loop.Steps))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return step;
            }
        }
    }
}
