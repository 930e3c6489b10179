using YamlDotNet.RepresentationModel;

namespace Perf.Engine.Profiles;

/// <summary>Builds a <see cref="LoadProfile"/> from a YAML tree; every key it does not know is an error.</summary>
internal sealed partial class ProfileParser(YamlNodes yaml, ProfileOverrides overrides)
{
    private readonly Dictionary<string, IReadOnlyList<string>> _variables = new(StringComparer.Ordinal);

    public LoadProfile Parse(YamlNode root)
    {
        var top = yaml.Mapping(root, "(root)");
        YamlMappingNode? config = null;
        YamlNode? scenarios = null;
        foreach (var (key, value, path) in yaml.Entries(top, string.Empty, "config", "scenarios"))
        {
            if (key == "config")
            {
                config = yaml.Mapping(value, path);
            }
            else
            {
                scenarios = value;
            }
        }

        if (config is null)
        {
            throw yaml.Error(top, "config", "is required");
        }

        if (scenarios is null)
        {
            throw yaml.Error(top, "scenarios", "is required");
        }

        var profile = ParseConfig(config) with { Scenarios = ParseScenarios(scenarios) };
        if (ProfileValidator.FirstProblem(profile) is { } problem)
        {
            throw yaml.ErrorAt(problem.Key, problem.Problem, root);
        }

        return profile;
    }

    private LoadProfile ParseConfig(YamlMappingNode config)
    {
        string? target = null;
        YamlNode? targetNode = null;
        IReadOnlyList<Phase>? phases = null;
        var timeout = TimeSpan.FromSeconds(10);
        IReadOnlyList<ThresholdSpec> thresholds = [];
        var entries = yaml.Entries(config, "config", "target", "phases", "http", "plugins", "variables");

        // Variables first: nothing else refers to them here, but flows do, and the order of keys is free.
        foreach (var (key, value, path) in entries.Where(e => e.Key == "variables"))
        {
            ParseVariables(yaml.Mapping(value, path), path);
        }

        foreach (var (key, value, path) in entries)
        {
            switch (key)
            {
                case "target":
                    target = yaml.String(value, path);
                    targetNode = value;
                    break;
                case "phases":
                    phases = ParsePhases(yaml.Sequence(value, path), path);
                    break;
                case "http":
                    foreach (var (_, httpValue, httpPath) in yaml.Entries(yaml.Mapping(value, path), path, "timeout"))
                    {
                        timeout = YamlNodes.Seconds(yaml.Number(httpValue, httpPath));
                    }

                    break;
                case "plugins":
                    thresholds = ParsePlugins(yaml.Mapping(value, path), path);
                    break;
            }
        }

        if (phases is null)
        {
            throw yaml.Error(config, "config.phases", "is required");
        }

        return new LoadProfile
        {
            Name = Path.GetFileNameWithoutExtension(yaml.File),
            SourcePath = Path.IsPathRooted(yaml.File) ? yaml.File : null,
            Target = ParseTarget(overrides.Target ?? target, overrides.Target is null ? targetNode ?? config : null),
            TimeScale = overrides.TimeScale,
            HttpTimeout = timeout,
            Phases = phases,
            Scenarios = [],
            Variables = _variables,
            Thresholds = thresholds,
        };
    }

    private Uri ParseTarget(string? target, YamlNode? node)
    {
        if (target is null)
        {
            throw yaml.Error(node!, "config.target", "is required (or pass a target override)");
        }

        return ProfileValidator.ParseTarget(target, out var problem) ?? (node is null
            ? throw new ProfileException(yaml.File, 0, "(override) target", problem!)
            : throw yaml.Error(node, "config.target", problem!));
    }

    private List<Phase> ParsePhases(YamlSequenceNode sequence, string path)
    {
        var phases = new List<Phase>();
        foreach (var node in sequence.Children)
        {
            var phasePath = $"{path}[{phases.Count}]";
            var phase = ParsePhase(yaml.Mapping(node, phasePath), phasePath);
            var name = phase.Name.Length > 0 ? phase.Name : $"phase {phases.Count + 1}";
            phases.Add(phase with { Name = name, Duration = phase.Duration * overrides.TimeScale });
        }

        return phases;
    }

    /// <summary>One of Artillery's phase forms: arrivalRate (with optional rampTo), arrivalCount, or pause.</summary>
    private Phase ParsePhase(YamlMappingNode mapping, string path)
    {
        TimeSpan? duration = null;
        TimeSpan? pause = null;
        double? rate = null;
        double? rampTo = null;
        long? count = null;
        int? maxVusers = null;
        var name = string.Empty;
        foreach (var (key, value, keyPath) in yaml.Entries(mapping, path, "duration", "arrivalRate", "rampTo", "arrivalCount", "pause", "name", "maxVusers"))
        {
            switch (key)
            {
                case "duration": duration = yaml.Duration(value, keyPath); break;
                case "pause": pause = yaml.Duration(value, keyPath); break;
                case "arrivalRate": rate = yaml.Number(value, keyPath); break;
                case "rampTo": rampTo = yaml.Number(value, keyPath); break;
                case "arrivalCount": count = yaml.Integer(value, keyPath); break;
                case "name": name = yaml.String(value, keyPath); break;
                case "maxVusers": maxVusers = yaml.Integer(value, keyPath); break;
            }
        }

        var forms = (rate is null ? 0 : 1) + (count is null ? 0 : 1) + (pause is null ? 0 : 1);
        if (forms != 1)
        {
            throw yaml.Error(mapping, path, "each phase has exactly one of: arrivalRate (optionally with rampTo), arrivalCount, pause");
        }

        if (rampTo is not null && rate is null)
        {
            throw yaml.Error(mapping, $"{path}.rampTo", "goes with arrivalRate only");
        }

        if (pause is { } pauseFor)
        {
            return duration is not null
                ? throw yaml.Error(mapping, $"{path}.duration", "a pause phase takes its length from 'pause' alone")
                : maxVusers is not null
                    ? throw yaml.Error(mapping, $"{path}.maxVusers", "a pause phase releases no arrivals to cap")
                    : Load.Pause(pauseFor, name);
        }

        if (duration is not { } during)
        {
            throw yaml.Error(mapping, $"{path}.duration", "is required");
        }

        var phase = count is { } arrivals ? Load.ArrivalCount(arrivals, during, name) : new Phase(name, during, rate!.Value, rampTo);
        return phase with { MaxVusers = maxVusers };
    }

    private void ParseVariables(YamlMappingNode mapping, string path)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            var name = keyNode is YamlScalarNode { Value: { Length: > 0 } text } ? text : string.Empty;
            var keyPath = $"{path}.{name}";
            yaml.Remember(keyPath, keyNode);
            _variables[name] = value is YamlSequenceNode list
                ? list.Children.Select((item, i) => yaml.String(item, $"{keyPath}[{i}]")).ToList()
                : [yaml.String(value, keyPath)];
        }
    }
}
