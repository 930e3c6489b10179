using System.Text.Json;
using System.Text.Json.Nodes;
using Perf.Engine.Templates;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Perf.Engine.Profiles;

internal sealed partial class ProfileParser
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private List<Scenario> ParseScenarios(YamlNode node)
    {
        var list = yaml.Sequence(node, "scenarios");
        if (list.Children.Count == 0)
        {
            throw yaml.Error(list, "scenarios", "needs at least one scenario");
        }

        var scenarios = new List<Scenario>();
        foreach (var item in list.Children)
        {
            var path = $"scenarios[{scenarios.Count}]";
            var mapping = yaml.Mapping(item, path);
            var name = $"scenario {scenarios.Count + 1}";
            var weight = 1;
            List<RequestStep>? flow = null;
            foreach (var (key, value, keyPath) in yaml.Entries(mapping, path, "name", "weight", "flow"))
            {
                switch (key)
                {
                    case "name": name = yaml.String(value, keyPath); break;
                    case "weight": weight = yaml.Integer(value, keyPath, 0, 1_000_000); break;
                    case "flow": flow = ParseFlow(yaml.Sequence(value, keyPath), keyPath); break;
                }
            }

            if (flow is null)
            {
                throw yaml.Error(mapping, $"{path}.flow", "is required");
            }

            if (scenarios.Any(s => s.Name == name))
            {
                throw yaml.Error(mapping, $"{path}.name", $"duplicate scenario name '{name}'");
            }

            scenarios.Add(new Scenario(name, weight, flow));
        }

        if (scenarios.All(s => s.Weight == 0))
        {
            throw yaml.Error(list, "scenarios", "at least one scenario needs a weight above 0");
        }

        ValidateThresholdScopes(scenarios);
        return scenarios;
    }

    private List<RequestStep> ParseFlow(YamlSequenceNode sequence, string path)
    {
        if (sequence.Children.Count == 0)
        {
            throw yaml.Error(sequence, path, "needs at least one request");
        }

        var known = new HashSet<string>(_variables.Keys, StringComparer.Ordinal);
        var steps = new List<RequestStep>();
        foreach (var item in sequence.Children)
        {
            var stepPath = $"{path}[{steps.Count}]";
            var mapping = yaml.Mapping(item, stepPath);
            var entries = yaml.Entries(mapping, stepPath, Methods);
            if (entries.Count != 1)
            {
                throw yaml.Error(mapping, stepPath, "each flow step has exactly one of: " + string.Join(", ", Methods));
            }

            var (method, value, methodPath) = entries[0];
            var step = ParseRequest(new HttpMethod(method.ToUpperInvariant()), yaml.Mapping(value, methodPath), methodPath, known);
            foreach (var capture in step.Captures)
            {
                known.Add(capture.As);
            }

            steps.Add(step);
        }

        return steps;
    }

    private RequestStep ParseRequest(HttpMethod method, YamlMappingNode request, string path, HashSet<string> known)
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
                    CheckTemplate(url, value, keyPath, known);
                    break;
                case "name":
                    name = yaml.String(value, keyPath);
                    break;
                case "json":
                    body = ToJson(value, keyPath, known)?.ToJsonString() ?? "null";
                    break;
                case "headers":
                    foreach (var (headerNode, headerValue) in yaml.Mapping(value, keyPath).Children)
                    {
                        var header = yaml.String(headerNode, keyPath);
                        var text = yaml.String(headerValue, $"{keyPath}.{header}");
                        CheckTemplate(text, headerValue, $"{keyPath}.{header}", known);
                        headers[header] = text;
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
                if (!JsonPathReader.IsSupported(jsonPath))
                {
                    throw yaml.Error(value, keyPath, $"unsupported JSON path '{jsonPath}' (supported: $.name.name[0]...)");
                }
            }
            else
            {
                target = yaml.String(value, keyPath);
                if (!Template.IsValidName(target))
                {
                    throw yaml.Error(value, keyPath, "variable names are letters, digits and '_'");
                }
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
            codes.AddRange(values.Select(v => yaml.Integer(v, keyPath, 100, 599)));
        }

        return codes;
    }

    private void CheckTemplate(string text, YamlNode node, string path, HashSet<string> known)
    {
        Template template;
        try
        {
            template = Template.Parse(text);
        }
        catch (FormatException e)
        {
            throw yaml.Error(node, path, e.Message);
        }

        foreach (var name in template.VariableNames.Where(n => !known.Contains(n)))
        {
            throw yaml.Error(node, path, $"variable '{name}' is neither in config.variables nor captured by an earlier request of this flow");
        }
    }

    /// <summary>YAML to JSON: plain scalars that look like numbers, booleans or null keep that type, quoted ones stay strings.</summary>
    private JsonNode? ToJson(YamlNode node, string path, HashSet<string> known)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, value) in mapping.Children)
                {
                    var key = yaml.String(keyNode, path);
                    obj[key] = ToJson(value, $"{path}.{key}", known);
                }

                return obj;
            case YamlSequenceNode sequence:
                return new JsonArray([.. sequence.Children.Select((child, i) => ToJson(child, $"{path}[{i}]", known))]);
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

                if (decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    return JsonValue.Create(number);
                }

                CheckTemplate(text, node, path, known);
                return JsonValue.Create(text);
            case YamlScalarNode scalar:
                CheckTemplate(scalar.Value ?? string.Empty, node, path, known);
                return JsonValue.Create(scalar.Value ?? string.Empty);
            default:
                throw yaml.Error(node, path, $"cannot be turned into JSON ({JsonValueKind.Undefined})");
        }
    }
}
