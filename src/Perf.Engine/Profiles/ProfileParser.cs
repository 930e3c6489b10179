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

        var profile = ParseConfig(config);
        return profile with { Scenarios = ParseScenarios(scenarios) };
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
                        timeout = TimeSpan.FromSeconds(yaml.Number(httpValue, httpPath, 0.001, 3600));
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

        ValidateThresholdPhases(phases);

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

        if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        if (node is null)
        {
            throw new ProfileException(yaml.File, 0, "(override) target", $"must be an absolute http(s) URL, found '{target}'");
        }

        throw yaml.Error(node, "config.target", $"must be an absolute http(s) URL, found '{target}'");
    }

    private List<Phase> ParsePhases(YamlSequenceNode sequence, string path)
    {
        var phases = new List<Phase>();
        if (sequence.Children.Count == 0)
        {
            throw yaml.Error(sequence, path, "needs at least one phase");
        }

        foreach (var node in sequence.Children)
        {
            var phasePath = $"{path}[{phases.Count}]";
            var mapping = yaml.Mapping(node, phasePath);
            TimeSpan? duration = null;
            double? rate = null;
            double? rampTo = null;
            var name = $"phase {phases.Count + 1}";
            foreach (var (key, value, keyPath) in yaml.Entries(mapping, phasePath, "duration", "arrivalRate", "rampTo", "name"))
            {
                switch (key)
                {
                    case "duration": duration = yaml.Duration(value, keyPath); break;
                    case "arrivalRate": rate = yaml.Number(value, keyPath, 0, 1_000_000); break;
                    case "rampTo": rampTo = yaml.Number(value, keyPath, 0, 1_000_000); break;
                    case "name": name = yaml.String(value, keyPath); break;
                }
            }

            if (duration is null)
            {
                throw yaml.Error(mapping, $"{phasePath}.duration", "is required");
            }

            if (rate is null)
            {
                throw yaml.Error(mapping, $"{phasePath}.arrivalRate", "is required (arrivalCount and pause are not supported)");
            }

            phases.Add(new Phase(name, duration.Value * overrides.TimeScale, rate.Value, rampTo));
        }

        return phases;
    }

    private void ParseVariables(YamlMappingNode mapping, string path)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            var name = keyNode is YamlScalarNode { Value: { Length: > 0 } text } ? text : string.Empty;
            var keyPath = $"{path}.{name}";
            if (!Templates.Template.IsValidName(name))
            {
                throw yaml.Error(keyNode, keyPath, "variable names are letters, digits and '_'");
            }

            var values = value is YamlSequenceNode list
                ? list.Children.Select((item, i) => yaml.String(item, $"{keyPath}[{i}]")).ToList()
                : [yaml.String(value, keyPath)];
            if (values.Count == 0)
            {
                throw yaml.Error(value, keyPath, "needs at least one value");
            }

            _variables[name] = values;
        }
    }
}
