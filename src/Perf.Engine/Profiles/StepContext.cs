namespace Perf.Engine.Profiles;

/// <summary>What a custom step sees of its run and its virtual user.</summary>
public sealed class StepContext
{
    internal StepContext(string scenario, Dictionary<string, string> variables, HttpClient http, Uri target)
    {
        Scenario = scenario;
        Variables = variables;
        Http = http;
        Target = target;
    }

    public string Scenario { get; }

    /// <summary>
    /// The virtual user's variables: its pick of config variables and the values captured so far. A step may add
    /// values here for later steps (declare them in <see cref="CustomStep.Produces"/>).
    /// </summary>
    public IDictionary<string, string> Variables { get; }

    /// <summary>A client on the run's shared connection pool (base address: the profile's target; no timeout of its own).</summary>
    public HttpClient Http { get; }

    public Uri Target { get; }
}
