using YamlDotNet.RepresentationModel;

namespace Perf.Engine.Profiles;

internal sealed partial class ProfileParser
{
    private const string RunPrefix = ThresholdSpec.RunPrefix;
    private const string ScenarioPrefix = ThresholdSpec.ScenarioPrefix;
    private const string ScenarioInfix = ThresholdSpec.ScenarioInfix;
    private const string EndpointPrefix = ThresholdSpec.EndpointPrefix;

    /// <summary>
    /// The engine's phase extension of ensure: <c>ensure.phases.PHASE</c> holds thresholds and maxErrorRate judged on
    /// that phase's requests only. Artillery's ensure plugin reads only thresholds, conditions, maxErrorRate and its
    /// legacy keys, so it skips this key and the file still runs there (without the phase checks).
    /// </summary>
    internal const string PhasesKey = "phases";

    private List<ThresholdSpec> ParsePlugins(YamlMappingNode plugins, string path)
    {
        var thresholds = new List<ThresholdSpec>();
        foreach (var (key, value, pluginPath) in yaml.Entries(plugins, path, "ensure", "expect", "metrics-by-endpoint"))
        {
            var options = yaml.Mapping(value, pluginPath);
            switch (key)
            {
                case "ensure":
                    thresholds.AddRange(ParseEnsure(options, pluginPath));
                    break;
                case "expect":
                    // Artillery's expect plugin options change only its console output, so they are accepted and ignored.
                    _ = yaml.Entries(options, pluginPath, "outputFormat", "reportFailuresAsErrors");
                    break;
                case "metrics-by-endpoint":
                    _ = yaml.Entries(options, pluginPath, "useOnlyRequestNames", "stripQueryString");
                    break;
            }
        }

        return thresholds;
    }

    private List<ThresholdSpec> ParseEnsure(YamlMappingNode ensure, string path, string? phase = null)
    {
        var thresholds = new List<ThresholdSpec>();
        var allowed = phase is null ? new[] { "thresholds", "maxErrorRate", PhasesKey } : ["thresholds", "maxErrorRate"];
        foreach (var (key, value, keyPath) in yaml.Entries(ensure, path, allowed))
        {
            if (key == "maxErrorRate")
            {
                thresholds.Add(ThresholdSpec.MaxErrorRate(yaml.Number(value, keyPath)) with { Phase = phase });
                continue;
            }

            if (key == PhasesKey)
            {
                foreach (var (phaseName, phaseValue, phasePath) in PhaseEntries(yaml.Mapping(value, keyPath), keyPath))
                {
                    yaml.Remember(phasePath, phaseValue);
                    thresholds.AddRange(ParseEnsure(yaml.Mapping(phaseValue, phasePath), phasePath, phaseName));
                }

                continue;
            }

            var list = yaml.Sequence(value, keyPath);
            for (var i = 0; i < list.Children.Count; i++)
            {
                var itemPath = $"{keyPath}[{i}]";
                var item = yaml.Mapping(list.Children[i], itemPath);
                if (item.Children.Count != 1)
                {
                    throw yaml.Error(item, itemPath, "each threshold is a mapping with exactly one 'metric: maximum' pair");
                }

                var (metricNode, limitNode) = item.Children.Single();
                var metric = yaml.String(metricNode, itemPath);
                yaml.Remember($"{itemPath}.{metric}", metricNode);
                var limit = yaml.Number(limitNode, $"{itemPath}.{metric}");
                thresholds.Add(ParseThresholdMetric(metric, limit, metricNode, $"{itemPath}.{metric}") with { Phase = phase });
            }
        }

        return thresholds;
    }

    private ThresholdSpec ParseThresholdMetric(string metric, double limit, YamlNode node, string path)
    {
        if (metric == ThresholdSpec.DroppedArrivalsName)
        {
            return ThresholdSpec.DroppedArrivals(limit);
        }

        var (aggregation, scopeKind, scope) = metric switch
        {
            _ when metric.StartsWith(RunPrefix, StringComparison.Ordinal) => (metric[RunPrefix.Length..], ThresholdScope.Run, (string?)null),
            _ when metric.StartsWith(ScenarioPrefix, StringComparison.Ordinal) && metric.LastIndexOf(ScenarioInfix, StringComparison.Ordinal) is var infix and > 0 =>
                (metric[(infix + ScenarioInfix.Length)..], ThresholdScope.Scenario, metric[ScenarioPrefix.Length..infix]),
            _ when metric.StartsWith(EndpointPrefix, StringComparison.Ordinal) && metric.LastIndexOf('.') is var dot and > 0 && dot > EndpointPrefix.Length =>
                (metric[(dot + 1)..], ThresholdScope.Request, metric[EndpointPrefix.Length..dot]),
            _ => throw yaml.Error(node, path,
                $"unsupported metric (supported: {RunPrefix}AGG, {ScenarioPrefix}SCENARIO{ScenarioInfix}AGG, {EndpointPrefix}REQUEST-NAME.AGG, {ThresholdSpec.DroppedArrivalsName})"),
        };

        return AggregationNames.TryParse(aggregation, out var typed)
            ? new ThresholdSpec(metric, ThresholdKind.ResponseTime, limit, typed, scopeKind, scope)
            : throw yaml.Error(node, path, $"unsupported aggregation '{aggregation}' (supported: {string.Join(", ", AggregationNames.All)})");
    }

    private IEnumerable<(string Key, YamlNode Value, string Path)> PhaseEntries(YamlMappingNode phases, string path)
    {
        foreach (var (keyNode, value) in phases.Children)
        {
            var name = yaml.String(keyNode, $"{path}.(phase name)");
            yield return (name, value, $"{path}.{name}");
        }
    }
}
