namespace Perf.Scenarios.Experiments;

/// <summary>
/// Trait values of the experiments, so <c>dotnet test --filter Category=capacity</c> selects them. Every experiment has a
/// tiny version (<c>Size=tiny</c>: small steps, short phases, runs in the default test command so the orchestration keeps
/// working) and a full one (<c>Size=full</c>: an explicit test, run only when asked for, see eng/run-experiments.sh).
/// </summary>
public static class ExperimentTraits
{
    public const string Capacity = "capacity";
    public const string Attribution = "attribution";
    public const string Scaling = "scaling";
    public const string Soak = "soak";
    public const string Size = "Size";
    public const string Tiny = "tiny";
    public const string Full = "full";
}
