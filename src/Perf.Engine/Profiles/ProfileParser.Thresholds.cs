using YamlDotNet.RepresentationModel;

namespace Perf.Engine.Profiles;

internal sealed partial class ProfileParser
{
    private const string RunPrefix = "http.response_time.";
    private const string ScenarioPrefix = "scenarios.";
    private const string ScenarioInfix = ".response_time.";
    private const string EndpointPrefix = "plugins.metrics-by-endpoint.response_time.";

    private static readonly string[] Aggregations = ["min", "max", "mean", "median", "p50", "p75", "p90", "p95", "p99", "p999"];

    /// <summary>
    /// The engine's phase extension of ensure: <c>ensure.phases.PHASE</c> holds thresholds and maxErrorRate judged on
    /// that phase's requests only. Artillery's ensure plugin reads only thresholds, conditions, maxErrorRate and its
    /// legacy keys, so it skips this key and the file still runs there (without the phase checks).
    /// </summary>
    private const string PhasesKey = "phases";

    /// <summary>Phase-scoped thresholds are checked against the phase names once config.phases is read.</summary>
    private readonly List<(string Phase, YamlNode Node, string Path)> _phaseThresholds = [];

    /// <summary>Scoped thresholds are checked against scenario and request names once the flows are read.</summary>
    private readonly List<(ThresholdSpec Spec, YamlNode Node, string Path)> _scopedThresholds = [];

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
                thresholds.Add(new ThresholdSpec("maxErrorRate", ThresholdKind.MaxErrorRate, yaml.Number(value, keyPath, 0, 100)) { Phase = phase });
                continue;
            }

            if (key == PhasesKey)
            {
                foreach (var (phaseName, phaseValue, phasePath) in PhaseEntries(yaml.Mapping(value, keyPath), keyPath))
                {
                    _phaseThresholds.Add((phaseName, phaseValue, phasePath));
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
                var limit = yaml.Number(limitNode, $"{itemPath}.{metric}", 0);
                var spec = ParseThresholdMetric(metric, limit, metricNode, $"{itemPath}.{metric}");
                if (phase is not null && spec.ScopeKind != ThresholdScope.Run)
                {
                    throw yaml.Error(metricNode, $"{itemPath}.{metric}",
                        $"a phase threshold covers the phase's requests as a whole: use {RunPrefix}AGG (the engine keeps no per-phase statistics per scenario or request)");
                }

                thresholds.Add(spec with { Phase = phase });
            }
        }

        return thresholds;
    }

    private ThresholdSpec ParseThresholdMetric(string metric, double limit, YamlNode node, string path)
    {
        ThresholdSpec spec;
        if (metric.StartsWith(RunPrefix, StringComparison.Ordinal))
        {
            spec = new ThresholdSpec(metric, ThresholdKind.ResponseTime, limit, metric[RunPrefix.Length..]);
        }
        else if (metric.StartsWith(ScenarioPrefix, StringComparison.Ordinal) && metric.LastIndexOf(ScenarioInfix, StringComparison.Ordinal) is var infix and > 0)
        {
            var scenario = metric[ScenarioPrefix.Length..infix];
            spec = new ThresholdSpec(metric, ThresholdKind.ResponseTime, limit, metric[(infix + ScenarioInfix.Length)..], ThresholdScope.Scenario, scenario);
        }
        else if (metric.StartsWith(EndpointPrefix, StringComparison.Ordinal) && metric.LastIndexOf('.') is var dot and > 0 && dot > EndpointPrefix.Length)
        {
            var request = metric[EndpointPrefix.Length..dot];
            spec = new ThresholdSpec(metric, ThresholdKind.ResponseTime, limit, metric[(dot + 1)..], ThresholdScope.Request, request);
        }
        else
        {
            throw yaml.Error(node, path,
                $"unsupported metric (supported: {RunPrefix}AGG, {ScenarioPrefix}SCENARIO{ScenarioInfix}AGG, {EndpointPrefix}REQUEST-NAME.AGG)");
        }

        if (Array.IndexOf(Aggregations, spec.Aggregation) < 0)
        {
            throw yaml.Error(node, path, $"unsupported aggregation '{spec.Aggregation}' (supported: {string.Join(", ", Aggregations)})");
        }

        if (spec.ScopeKind != ThresholdScope.Run)
        {
            _scopedThresholds.Add((spec, node, path));
        }

        return spec;
    }

    private IEnumerable<(string Key, YamlNode Value, string Path)> PhaseEntries(YamlMappingNode phases, string path)
    {
        foreach (var (keyNode, value) in phases.Children)
        {
            var name = yaml.String(keyNode, $"{path}.(phase name)");
            yield return (name, value, $"{path}.{name}");
        }
    }

    private void ValidateThresholdPhases(IReadOnlyList<Phase> phases)
    {
        foreach (var (phase, node, path) in _phaseThresholds)
        {
            if (!phases.Any(p => p.Name == phase))
            {
                throw yaml.Error(node, path, $"no phase is named '{phase}' (phases: {string.Join(", ", phases.Select(p => $"'{p.Name}'"))})");
            }
        }
    }

    private void ValidateThresholdScopes(IReadOnlyList<Scenario> scenarios)
    {
        foreach (var (spec, node, path) in _scopedThresholds)
        {
            var known = spec.ScopeKind == ThresholdScope.Scenario
                ? scenarios.Any(s => s.Name == spec.Scope)
                : scenarios.SelectMany(s => s.Flow).Any(step => step.Name == spec.Scope);
            if (!known)
            {
                var what = spec.ScopeKind == ThresholdScope.Scenario ? "no scenario is named" : "no request has name:";
                throw yaml.Error(node, path, $"{what} '{spec.Scope}'");
            }
        }
    }
}
