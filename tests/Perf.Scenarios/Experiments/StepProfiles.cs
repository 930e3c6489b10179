using Perf.Engine.Profiles;

namespace Perf.Scenarios.Experiments;

/// <summary>
/// Load profiles built in code for the experiments' steps: the scenario mix, variables and thresholds of a profile file
/// (the same requests the perf tests send), with the phases replaced by the step's own.
/// </summary>
public static class StepProfiles
{
    public static LoadProfile ConstantRate(LoadProfile template, string name, double rate, TimeSpan duration) =>
        template with { Name = $"{template.Name}:{name}", Phases = [new Phase(name, duration, rate)] };

    /// <summary>Only the scenarios whose flow creates a job (a POST), weights kept: fills a queue without other traffic.</summary>
    public static LoadProfile JobsOnly(LoadProfile template)
    {
        var creating = template.Scenarios.Where(s => s.Requests.Any(step => step.Method == HttpMethod.Post)).ToList();
        return creating.Count > 0
            ? template with { Scenarios = creating }
            : throw new InvalidOperationException($"profile '{template.Name}' has no scenario with a POST step: nothing would create a job.");
    }

    /// <summary>Share of arrivals whose flow creates a job (by scenario weight).</summary>
    public static double JobShare(LoadProfile template)
    {
        var total = template.Scenarios.Sum(s => (double)s.Weight);
        return total <= 0 ? 0 : template.Scenarios.Where(s => s.Requests.Any(step => step.Method == HttpMethod.Post)).Sum(s => (double)s.Weight) / total;
    }
}
