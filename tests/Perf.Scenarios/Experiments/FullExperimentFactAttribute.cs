namespace Perf.Scenarios.Experiments;

/// <summary>
/// A full experiment (minutes of load): skipped unless PERF_EXPERIMENTS lists its name (comma-separated, or "all"), so
/// the default test command runs only the tiny versions. eng/run-experiments.sh sets the variable.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FullExperimentFactAttribute : FactAttribute
{
    public const string Variable = "PERF_EXPERIMENTS";

    public FullExperimentFactAttribute(string experiment)
    {
        Experiment = experiment;
        if (!IsEnabled(experiment, System.Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"full {experiment} experiment: run ./eng/run-experiments.sh {experiment} (or set {Variable}={experiment})";
        }
    }

    public string Experiment { get; }

    public static bool IsEnabled(string experiment, string? setting) =>
        setting is { Length: > 0 } &&
        setting.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(name => name.Equals(experiment, StringComparison.OrdinalIgnoreCase) || name.Equals("all", StringComparison.OrdinalIgnoreCase));
}
