using System.Reflection;
using System.Xml.Linq;
using Perf.Reports.Comparison;
using Perf.ArtilleryImport;
using Perf.Engine.Tests.Architecture;
using Perf.Model;

namespace Perf.Cli.Tests.Architecture;

/// <summary>
/// The projects under src/ that the CLI and the tests share (the run model, the reports, the Artillery import, the CLI itself) depend
/// one way: src never on tests/, and inside the run model the data of one kind (metrics, accounting, settings) never on
/// the report that combines them.
/// </summary>
public class SharedProjectDependencyTests
{
    private static readonly string[] TestAssemblies = ["Perf.Fixtures", "Perf.Scenarios", "xunit.core", "xunit.assert", "FluentAssertions"];

    /// <summary>Perf.Model's namespaces, lowest first: the kinds of data, then the run report that holds them.</summary>
    private static readonly string[][] ModelLayers =
    [
        ["Perf.Model.Metrics", "Perf.Model.Accounting", "Perf.Model.Settings"],
        ["Perf.Model"],
    ];

    public static TheoryData<string> SharedAssemblies => new()
    {
        typeof(ConfigurationRunReport).Assembly.GetName().Name!,
        typeof(ComparisonComposer).Assembly.GetName().Name!,
        typeof(ArtilleryImporter).Assembly.GetName().Name!,
        typeof(PerfCommandLine).Assembly.GetName().Name!,
    };

    [Theory]
    [MemberData(nameof(SharedAssemblies))]
    public void SharedAssemblyReferencesNoTestAssembly(string name)
    {
        var assembly = Assembly.Load(name);

        assembly.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain(TestAssemblies, "{0} ships in src/ and is used outside the tests", name);
    }

    [Fact]
    public void NoSourceProjectReferencesTheTestsFolder()
    {
        var root = RepositoryRoot();
        var violations = Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories)
            .SelectMany(project => XDocument.Load(project).Descendants()
                .Where(e => e.Name.LocalName is "ProjectReference" or "Compile" or "None" or "Content")
                .Select(e => e.Attribute("Include")?.Value)
                .OfType<string>()
                .Where(include => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include.Replace("$(RepoRoot)", root + "/", StringComparison.Ordinal)))
                    .StartsWith(Path.Combine(root, "tests") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Select(include => $"{Path.GetRelativePath(root, project)}: {include}"))
            .ToList();

        violations.Should().BeEmpty("src/ builds without tests/");
    }

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

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PerfTests.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"PerfTests.sln not found above {AppContext.BaseDirectory}");
    }
}
