using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Perf.Engine.Profiles;

internal sealed partial class ProfileParser
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];
    private static readonly string[] StepKeys = [.. Methods, "think", "loop", "count"];

    private List<Scenario> ParseScenarios(YamlNode node)
    {
        var list = yaml.Sequence(node, "scenarios");
        var scenarios = new List<Scenario>();
        foreach (var item in list.Children)
        {
            var path = $"scenarios[{scenarios.Count}]";
            var mapping = yaml.Mapping(item, path);
            yaml.Remember(path, mapping);
            var name = $"scenario {scenarios.Count + 1}";
            var weight = 1;
            List<FlowStep>? flow = null;
            foreach (var (key, value, keyPath) in yaml.Entries(mapping, path, "name", "weight", "flow"))
            {
                switch (key)
                {
                    case "name": name = yaml.String(value, keyPath); break;
                    case "weight": weight = yaml.Integer(value, keyPath); break;
                    case "flow": flow = ParseFlow(yaml.Sequence(value, keyPath), keyPath); break;
                }
            }

            scenarios.Add(new Scenario(name, weight, flow ?? throw yaml.Error(mapping, $"{path}.flow", "is required")));
        }

        return scenarios;
    }

    private List<FlowStep> ParseFlow(YamlSequenceNode sequence, string path)
    {
        var steps = new List<FlowStep>();
        foreach (var item in sequence.Children)
        {
            var stepPath = $"{path}[{steps.Count}]";
            var mapping = yaml.Mapping(item, stepPath);
            yaml.Remember(stepPath, mapping);
            var entries = yaml.Entries(mapping, stepPath, StepKeys);
            if (entries.Any(e => e.Key == "loop"))
            {
                steps.Add(ParseLoop(mapping, entries, stepPath));
                continue;
            }

            if (entries.Count != 1 || entries[0].Key == "count")
            {
                throw yaml.Error(mapping, stepPath, $"each flow step has exactly one of: {string.Join(", ", Methods)}, think, loop (with count)");
            }

            var (key, value, keyPath) = entries[0];
            steps.Add(key == "think"
                ? new ThinkStep(yaml.Duration(value, keyPath))
                : ParseRequest(new HttpMethod(key.ToUpperInvariant()), yaml.Mapping(value, keyPath), keyPath));
        }

        return steps;
    }

    /// <summary>Artillery's <c>- loop: [steps]</c> with <c>count: N</c>; an endless loop (no count) or <c>over</c> is not supported.</summary>
    private LoopStep ParseLoop(YamlMappingNode mapping, IReadOnlyList<(string Key, YamlNode Value, string Path)> entries, string path)
    {
        if (entries.FirstOrDefault(e => e.Key is not ("loop" or "count")) is { Key: not null } other)
        {
            throw yaml.Error(mapping, other.Path, "a loop step has only 'loop' and 'count'");
        }

        var (_, body, bodyPath) = entries.Single(e => e.Key == "loop");
        var count = entries.FirstOrDefault(e => e.Key == "count") is { Key: not null } countEntry
            ? yaml.Integer(countEntry.Value, countEntry.Path)
            : throw yaml.Error(mapping, $"{path}.count", "is required (an endless loop is not supported)");
        return new LoopStep(count, ParseFlow(yaml.Sequence(body, bodyPath), bodyPath));
    }

    private RequestStep ParseRequest(HttpMethod method, YamlMappingNode request, string path)
    {
        string? url = null;
        string? name = null;
        string? body = null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var captures = new List<Capture>();
        var expected = new List<int>();
        foreach (var (key, value, keyPath) in yaml.Entries(request, path, "url", "json", "headers", "capture", "expect", "name"))
        {
            switch (key)
            {
                case "url":
                    url = yaml.String(value, keyPath);
                    break;
                case "name":
                    name = yaml.String(value, keyPath);
                    break;
                case "json":
                    body = ToJson(value, keyPath)?.ToJsonString() ?? "null";
                    break;
                case "headers":
                    foreach (var (headerNode, headerValue) in yaml.Mapping(value, keyPath).Children)
                    {
                        var header = yaml.String(headerNode, keyPath);
                        yaml.Remember($"{keyPath}.{header}", headerValue);
                        headers[header] = yaml.String(headerValue, $"{keyPath}.{header}");
                    }

                    break;
                case "capture":
                    var items = value is YamlSequenceNode list ? list.Children : [value];
                    for (var i = 0; i < items.Count; i++)
                    {
                        captures.Add(ParseCapture(items[i], value is YamlSequenceNode ? $"{keyPath}[{i}]" : keyPath));
                    }

                    break;
                case "expect":
                    var checks = value is YamlSequenceNode expectList ? expectList.Children : [value];
                    for (var i = 0; i < checks.Count; i++)
                    {
                        expected.AddRange(ParseExpect(checks[i], value is YamlSequenceNode ? $"{keyPath}[{i}]" : keyPath));
                    }

                    break;
            }
        }

        if (url is null)
        {
            throw yaml.Error(request, $"{path}.url", "is required");
        }

        return new RequestStep
        {
            Method = method, Url = url, Name = name, JsonBody = body, Headers = headers, Captures = captures, ExpectedStatusCodes = expected,
        };
    }

    private Capture ParseCapture(YamlNode node, string path)
    {
        string? jsonPath = null;
        string? target = null;
        var mapping = yaml.Mapping(node, path);
        foreach (var (key, value, keyPath) in yaml.Entries(mapping, path, "json", "as"))
        {
            if (key == "json")
            {
                jsonPath = yaml.String(value, keyPath);
            }
            else
            {
                target = yaml.String(value, keyPath);
            }
        }

        return jsonPath is null || target is null
            ? throw yaml.Error(mapping, path, "needs both 'json' and 'as'")
            : new Capture(jsonPath, target);
    }

    private List<int> ParseExpect(YamlNode node, string path)
    {
        var codes = new List<int>();
        foreach (var (_, value, keyPath) in yaml.Entries(yaml.Mapping(node, path), path, "statusCode"))
        {
            var values = value is YamlSequenceNode list ? list.Children : [value];
            codes.AddRange(values.Select(v => yaml.Integer(v, keyPath)));
        }

        return codes;
    }

    /// <summary>YAML to JSON: plain scalars that look like numbers, booleans or null keep that type, quoted ones stay strings.</summary>
    private JsonNode? ToJson(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, value) in mapping.Children)
                {
                    var key = yaml.String(keyNode, path);
                    obj[key] = ToJson(value, $"{path}.{key}");
                }

                return obj;
            case YamlSequenceNode sequence:
                return new JsonArray([.. sequence.Children.Select((child, i) => ToJson(child, $"{path}[{i}]"))]);
            case YamlScalarNode scalar when scalar.Style == ScalarStyle.Plain:
                if (YamlNodes.IsNull(scalar))
                {
                    return null;
                }

                var text = scalar.Value!;
                if (text is "true" or "false")
                {
                    return JsonValue.Create(text == "true");
                }

                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(text);
            case YamlScalarNode scalar:
                return JsonValue.Create(scalar.Value ?? string.Empty);
            default:
                throw yaml.Error(node, path, $"cannot be turned into JSON ({JsonValueKind.Undefined})");
        }
    }
}
