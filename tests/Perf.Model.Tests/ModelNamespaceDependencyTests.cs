using Perf.Testing;

namespace Perf.Model.Tests;

/// <summary>Inside the run model the data of one kind (metrics, accounting, settings) never depends on the report that combines them.</summary>
public class ModelNamespaceDependencyTests
{
    /// <summary>Perf.Model's namespaces, lowest first: the kinds of data, then the run report that holds them.</summary>
    private static readonly string[][] ModelLayers =
    [
        ["Perf.Model.Metrics", "Perf.Model.Accounting", "Perf.Model.Settings"],
        ["Perf.Model"],
    ];

    [Fact]
    public void RunModelNamespacesDependOnLowerLayersOnly()
    {
        var model = typeof(ConfigurationRunReport).Assembly;
        var layerOf = ModelLayers.SelectMany((names, layer) => names.Select(n => (n, layer))).ToDictionary(x => x.n, x => x.layer);
        var violations = new List<string>();
        foreach (var type in model.GetTypes().Where(t => !t.IsNested && t.Namespace is not null))
        {
            if (!layerOf.TryGetValue(type.Namespace!, out var layer))
            {
                violations.Add($"{type.FullName}: namespace {type.Namespace} is not in the layer list");
                continue;
            }

            foreach (var referenced in TypeReferences.Of(type).Where(r => r.Assembly == model && r.Namespace is not null && r.Namespace != type.Namespace))
            {
                if (layerOf.GetValueOrDefault(referenced.Namespace!, int.MaxValue) >= layer)
                {
                    violations.Add($"{type.FullName} uses {referenced.FullName}, which is not in a layer below it");
                }
            }
        }

        violations.Distinct().Should().BeEmpty("the run model's dependencies run one way: {0}", string.Join(" → ", ModelLayers.Select(l => string.Join(" | ", l))));
    }
}
