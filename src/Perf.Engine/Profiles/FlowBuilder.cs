using System.Text.Json;

namespace Perf.Engine.Profiles;

/// <summary>The steps of one scenario, in order; see <see cref="ProfileBuilder.WithScenario(string, int, Action{FlowBuilder})"/>.</summary>
public sealed class FlowBuilder
{
    private readonly List<FlowStep> _steps = [];

    internal IReadOnlyList<FlowStep> Steps => _steps;

    public FlowBuilder Get(string url, Action<RequestBuilder>? configure = null) => Request(HttpMethod.Get, url, null, configure);

    /// <summary>A POST; <paramref name="json"/> is serialised once (System.Text.Json defaults), and its strings may hold <c>{{ variable }}</c>.</summary>
    public FlowBuilder Post(string url, object? json = null, Action<RequestBuilder>? configure = null) => Request(HttpMethod.Post, url, json, configure);

    public FlowBuilder Put(string url, object? json = null, Action<RequestBuilder>? configure = null) => Request(HttpMethod.Put, url, json, configure);

    public FlowBuilder Patch(string url, object? json = null, Action<RequestBuilder>? configure = null) => Request(HttpMethod.Patch, url, json, configure);

    public FlowBuilder Delete(string url, Action<RequestBuilder>? configure = null) => Request(HttpMethod.Delete, url, null, configure);

    public FlowBuilder Request(HttpMethod method, string url, object? json = null, Action<RequestBuilder>? configure = null)
    {
        var request = new RequestBuilder(method, url, json is null ? null : JsonSerializer.Serialize(json));
        configure?.Invoke(request);
        _steps.Add(request.Build());
        return this;
    }

    /// <summary>Artillery's <c>think</c>: pause; the next step's intended start is the end of the pause.</summary>
    public FlowBuilder Think(TimeSpan duration)
    {
        _steps.Add(new ThinkStep(duration));
        return this;
    }

    /// <summary>Artillery's <c>loop</c> with <c>count</c>: the steps <paramref name="body"/> adds run <paramref name="count"/> times.</summary>
    public FlowBuilder Loop(int count, Action<FlowBuilder> body)
    {
        var inner = new FlowBuilder();
        body(inner);
        _steps.Add(new LoopStep(count, inner.Steps));
        return this;
    }

    /// <summary>
    /// A custom C# step, recorded as <c>STEP name</c> like a request (latency from its intended start, status, errors).
    /// <paramref name="produces"/> names the variables it stores for later steps' templates.
    /// </summary>
    public FlowBuilder Step(string name, StepAction action, params string[] produces)
    {
        _steps.Add(new CustomStep(name, action) { Produces = [.. produces] });
        return this;
    }
}
