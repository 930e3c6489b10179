using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Perf.Engine.Profiles;

/// <summary>
/// Typed access to YAML nodes that turns every mistake into a <see cref="ProfileException"/> naming the file,
/// the line and the dotted key path.
/// </summary>
internal sealed class YamlNodes(string file)
{
    private readonly Dictionary<string, YamlNode> _nodes = new(StringComparer.Ordinal);

    public string File { get; } = file;

    public ProfileException Error(YamlNode node, string key, string problem) =>
        new(File, node.Start.Line, key, problem);

    /// <summary>Remembers where a key was read, so a rule broken later (by the shared validator) gets its line.</summary>
    public void Remember(string path, YamlNode node) => _nodes.TryAdd(path, node);

    /// <summary>An error at <paramref name="key"/>, on the line of that key or of the nearest enclosing one that was read.</summary>
    public ProfileException ErrorAt(string key, string problem, YamlNode fallback)
    {
        for (var path = key; path.Length > 0; path = Parent(path))
        {
            if (_nodes.TryGetValue(path, out var node))
            {
                return Error(node, key, problem);
            }
        }

        return Error(fallback, key, problem);
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }

    public YamlMappingNode Mapping(YamlNode node, string key) =>
        node as YamlMappingNode ?? throw Error(node, key, $"must be a mapping, found {Describe(node)}");

    public YamlSequenceNode Sequence(YamlNode node, string key) =>
        node as YamlSequenceNode ?? throw Error(node, key, $"must be a list, found {Describe(node)}");

    /// <summary>Key/value pairs of a mapping, rejecting keys outside <paramref name="allowed"/>.</summary>
    public IReadOnlyList<(string Key, YamlNode Value, string Path)> Entries(
        YamlMappingNode mapping, string path, params string[] allowed)
    {
        var entries = new List<(string, YamlNode, string)>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } text } ? text : string.Empty;
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (Array.IndexOf(allowed, key) < 0)
            {
                var expected = allowed.Length == 0 ? "no keys are allowed here" : $"allowed: {string.Join(", ", allowed)}";
                throw Error(keyNode, childPath, $"unknown key ({expected})");
            }

            Remember(childPath, value);
            entries.Add((key, value, childPath));
        }

        return entries;
    }

    public string String(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } text } scalar && !IsNull(scalar))
        {
            return text;
        }

        throw Error(node, key, $"must be a string, found {Describe(node)}");
    }

    /// <summary>A finite number; ranges are the validator's rules, shared with the builder.</summary>
    public double Number(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } text } &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) &&
            double.IsFinite(value))
        {
            return value;
        }

        throw Error(node, key, $"must be a number, found {Describe(node)}");
    }

    public int Integer(YamlNode node, string key)
    {
        var value = Number(node, key);
        if (value != Math.Floor(value) || value < int.MinValue || value > int.MaxValue)
        {
            throw Error(node, key, $"must be a whole number, found {value.ToString(CultureInfo.InvariantCulture)}");
        }

        return (int)value;
    }

    /// <summary>A duration: a number of seconds, or a string with a unit (<c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>); the validator checks its range.</summary>
    public TimeSpan Duration(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            var trimmed = text.Trim();
            (string digits, double unitSeconds) = trimmed switch
            {
                _ when trimmed.EndsWith("ms", StringComparison.Ordinal) => (trimmed[..^2], 0.001),
                _ when trimmed.EndsWith('s') => (trimmed[..^1], 1.0),
                _ when trimmed.EndsWith('m') => (trimmed[..^1], 60.0),
                _ when trimmed.EndsWith('h') => (trimmed[..^1], 3600.0),
                _ => (trimmed, 1.0),
            };
            if (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) &&
                double.IsFinite(amount))
            {
                return Seconds(amount * unitSeconds);
            }
        }

        throw Error(node, key, $"must be a duration (seconds, or e.g. 30s, 2m), found {Describe(node)}");
    }

    /// <summary>Seconds as a time span, bounded so an absurd value reaches the validator instead of overflowing here.</summary>
    public static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(Math.Clamp(seconds, -1e9, 1e9));

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when IsNull(scalar) => "nothing",
        YamlScalarNode { Value: var text } => $"'{text}'",
        _ => node.NodeType.ToString(),
    };
}
