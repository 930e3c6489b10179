using Perf.Engine.Templates;

namespace Perf.Engine.Profiles;

internal static partial class ProfileValidator
{
    private static ProfileProblem? CheckScenarios(LoadProfile profile)
    {
        if (profile.Scenarios.Count == 0)
        {
            return new("scenarios", "needs at least one scenario");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < profile.Scenarios.Count; i++)
        {
            var scenario = profile.Scenarios[i];
            var path = $"scenarios[{i}]";
            if (!names.Add(scenario.Name))
            {
                return new($"{path}.name", $"duplicate scenario name '{scenario.Name}'");
            }

            if (scenario.Weight is < 0 or > MaxWeight)
            {
                return new($"{path}.weight", $"must be between 0 and {MaxWeight}, found {scenario.Weight}");
            }

            var known = new HashSet<string>(profile.Variables.Keys, StringComparer.Ordinal);
            if (CheckFlow(scenario.Flow, $"{path}.flow", known) is { } problem)
            {
                return problem;
            }

            if (!Scenario.Flatten(scenario.Flow).Any(s => s is RequestStep or CustomStep))
            {
                return new($"{path}.flow", "needs at least one request (or custom step)");
            }
        }

        return profile.Scenarios.All(s => s.Weight == 0) ? new("scenarios", "at least one scenario needs a weight above 0") : null;
    }

    private static ProfileProblem? CheckFlow(IReadOnlyList<FlowStep> flow, string path, HashSet<string> known)
    {
        for (var i = 0; i < flow.Count; i++)
        {
            var stepPath = $"{path}[{i}]";
            var problem = flow[i] switch
            {
                RequestStep request => CheckRequest(request, $"{stepPath}.{request.Method.Method.ToLowerInvariant()}", known),
                ThinkStep think => think.Duration < TimeSpan.Zero || think.Duration > MaxThink
                    ? new ProfileProblem($"{stepPath}.think", $"must be between 0 and {MaxThink.TotalSeconds} seconds, found {Seconds(think.Duration)}")
                    : null,
                LoopStep loop => CheckLoop(loop, stepPath, known),
                CustomStep custom => CheckCustom(custom, $"{stepPath}.step", known),
                _ => new ProfileProblem(stepPath, $"unknown step type {flow[i].GetType().Name}"),
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static ProfileProblem? CheckLoop(LoopStep loop, string path, HashSet<string> known)
    {
        if (loop.Count is < 1 or > MaxLoopCount)
        {
            return new($"{path}.count", $"must be between 1 and {MaxLoopCount}, found {loop.Count}");
        }

        if (loop.Steps.Count == 0)
        {
            return new($"{path}.loop", "needs at least one step");
        }

        return CheckFlow(loop.Steps, $"{path}.loop", known);
    }

    private static ProfileProblem? CheckCustom(CustomStep step, string path, HashSet<string> known)
    {
        if (string.IsNullOrWhiteSpace(step.Name))
        {
            return new(path, "needs a name (its stats key and threshold name)");
        }

        foreach (var name in step.Produces)
        {
            if (!Template.IsValidName(name))
            {
                return new($"{path}.produces", $"'{name}': variable names are letters, digits and '_'");
            }

            known.Add(name);
        }

        return null;
    }

    private static ProfileProblem? CheckRequest(RequestStep step, string path, HashSet<string> known)
    {
        if (string.IsNullOrEmpty(step.Url))
        {
            return new($"{path}.url", "must not be empty");
        }

        var problem = CheckTemplate(step.Url, $"{path}.url", known)
            ?? (step.JsonBody is null ? null : CheckTemplate(step.JsonBody, $"{path}.json", known));
        foreach (var (header, value) in step.Headers)
        {
            problem ??= CheckTemplate(value, $"{path}.headers.{header}", known);
        }

        for (var i = 0; i < step.ExpectedStatusCodes.Count && problem is null; i++)
        {
            var code = step.ExpectedStatusCodes[i];
            problem = code is < 100 or > 599 ? new($"{path}.expect.statusCode", $"must be between 100 and 599, found {code}") : null;
        }

        for (var i = 0; i < step.Captures.Count && problem is null; i++)
        {
            var capture = step.Captures[i];
            var capturePath = step.Captures.Count == 1 ? $"{path}.capture" : $"{path}.capture[{i}]";
            problem = !JsonPathReader.IsSupported(capture.JsonPath)
                ? new($"{capturePath}.json", $"unsupported JSON path '{capture.JsonPath}' (supported: $.name.name[0]...)")
                : !Template.IsValidName(capture.As) ? new($"{capturePath}.as", "variable names are letters, digits and '_'") : null;
        }

        // Captures become known after the request, so a request cannot use its own capture.
        foreach (var capture in step.Captures)
        {
            known.Add(capture.As);
        }

        return problem;
    }

    private static ProfileProblem? CheckTemplate(string text, string path, HashSet<string> known)
    {
        Template template;
        try
        {
            template = Template.Parse(text);
        }
        catch (FormatException e)
        {
            return new(path, e.Message);
        }

        return template.VariableNames.FirstOrDefault(n => !known.Contains(n)) is { } missing
            ? new(path, $"variable '{missing}' is neither in config.variables nor captured by an earlier request of this flow")
            : null;
    }
}
