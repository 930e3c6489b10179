using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Perf.Engine.Profiles;

/// <summary>
/// Typed access to YAML nodes that turns every mistake into a <see cref="ProfileException"/> naming the file,
/// the line and the dotted key path.
/// </summary>
internal sealed class YamlNodes(string file)
{
    public string File { get; } = file;

    public ProfileException Error(YamlNode node, string key, string problem) =>
        new(File, node.Start.Line, key, problem);

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

    public double Number(YamlNode node, string key, double min, double max = double.MaxValue)
    {
        if (node is YamlScalarNode { Value: { } text } &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) &&
            double.IsFinite(value))
        {
            if (value < min || value > max)
            {
                var range = max == double.MaxValue ? $">= {min.ToString(CultureInfo.InvariantCulture)}" : $"between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}";
                throw Error(node, key, $"must be {range}, found {text}");
            }

            return value;
        }

        throw Error(node, key, $"must be a number, found {Describe(node)}");
    }

    public int Integer(YamlNode node, string key, int min, int max = int.MaxValue)
    {
        var value = Number(node, key, min, max);
        if (value != Math.Floor(value))
        {
            throw Error(node, key, $"must be a whole number, found {value.ToString(CultureInfo.InvariantCulture)}");
        }

        return (int)value;
    }

    /// <summary>A duration: a number of seconds, or a string with a unit (<c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>).</summary>
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
                double.IsFinite(amount) && amount > 0)
            {
                return TimeSpan.FromSeconds(amount * unitSeconds);
            }
        }

        throw Error(node, key, $"must be a positive duration (seconds, or e.g. 30s, 2m), found {Describe(node)}");
    }

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
