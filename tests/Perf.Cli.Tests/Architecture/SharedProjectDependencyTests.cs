using System.Reflection;
using System.Xml.Linq;
using Perf.ArtilleryImport;
using Perf.Reports.Comparison;
using Perf.Model;
using Perf.Testing;

namespace Perf.Cli.Tests.Architecture;

/// <summary>
/// The projects under src/ that the CLI and the tests share (the run model, the reports, the Artillery import, the CLI itself) depend
/// one way: src never on tests/ (the run model's own layers: Perf.Model.Tests).
/// </summary>
public class SharedProjectDependencyTests
{
    private static readonly string[] TestAssemblies = ["Perf.Fixtures", "Perf.Scenarios", "xunit.core", "xunit.assert", "FluentAssertions"];

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
        var root = RepositoryRoot.Find();
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
}
