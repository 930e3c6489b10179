using Perf.Engine.Profiles;
using Perf.Testing;

namespace Perf.Engine.Tests.Architecture;

public class NamespaceDependencyTests
{
    /// <summary>
    /// The engine's layers, lowest first: profile → schedule → run → telemetry → stats → report → thresholds, with the template
    /// helpers below the profile and the runner facade (<c>Perf.Engine</c>: LoadRunner, ClosedLoopRunner) on top.
    /// A namespace may use its own layer and those below it, never one above.
    /// </summary>
    private static readonly string[] Layers =
    [
        "Perf.Engine.Templates",
        "Perf.Engine.Profiles",
        "Perf.Engine.Scheduling",
        "Perf.Engine.Running",
        "Perf.Engine.Telemetry",
        "Perf.Engine.Stats",
        "Perf.Engine.Reporting",
        "Perf.Engine.Thresholds",
        "Perf.Engine",
    ];

    [Fact]
    public void EngineNamespacesDependOnLowerLayersOnly()
    {
        var engine = typeof(LoadProfile).Assembly;
        var violations = new List<string>();
        foreach (var type in engine.GetTypes().Where(t => !t.IsNested && t.Namespace is not null))
        {
            var layer = Array.IndexOf(Layers, type.Namespace);
            if (layer < 0)
            {
                violations.Add($"{type.FullName}: namespace {type.Namespace} is not in the layer list");
                continue;
            }

            foreach (var referenced in TypeReferences.Of(type).Where(r => r.Assembly == engine && r.Namespace is not null))
            {
                if (Array.IndexOf(Layers, referenced.Namespace) > layer)
                {
                    violations.Add($"{type.FullName} ({type.Namespace}) uses {referenced.FullName} ({referenced.Namespace}), a layer above it");
                }
            }
        }

        violations.Distinct().Should().BeEmpty("dependencies run one way: {0}", string.Join(" → ", Layers));
    }

    [Fact]
    public void EngineDoesNotReferenceATestLibrary() =>
        typeof(LoadProfile).Assembly.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain(["FluentAssertions", "xunit.core", "xunit.assert"]);
}
