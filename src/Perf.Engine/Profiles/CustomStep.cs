namespace Perf.Engine.Profiles;

/// <summary>
/// A step written in C#: timed from its intended start like a request and recorded under <see cref="Name"/> (stats key
/// <c>STEP name</c>; per-request thresholds refer to the name). <see cref="Produces"/> names the variables the action
/// stores in <see cref="StepContext.Variables"/> for later steps' templates.
/// </summary>
public sealed record CustomStep(string Name, StepAction Action) : FlowStep
{
    public const string Method = "STEP";

    public IReadOnlyList<string> Produces { get; init; } = [];

    public string Key => $"{Method} {Name}";
}
