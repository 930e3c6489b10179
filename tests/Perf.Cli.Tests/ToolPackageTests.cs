using System.Text.Json;
using System.Xml.Linq;
using Perf.Testing;

namespace Perf.Cli.Tests;

/// <summary>
/// `dotnet tool restore` restores the package and version the local tool manifest pins, and `dotnet perf` runs the
/// command it lists: both must be what src/Perf.Cli packs, or a clean clone's restore finds nothing.
/// </summary>
public class ToolPackageTests
{
    [Fact]
    public void ManifestPinsThePackageTheCliPacks()
    {
        var root = RepositoryRoot.Find();
        var project = XDocument.Load(Path.Combine(root, "src", "Perf.Cli", "Perf.Cli.csproj"));
        string Property(string name) => project.Descendants(name).Single().Value;
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, ".config", "dotnet-tools.json")));
        var tool = manifest.RootElement.GetProperty("tools").EnumerateObject().Single();

        Property("PackAsTool").Should().Be("true");
        tool.Name.Should().BeEquivalentTo(Property("PackageId"), "the manifest names the package id (NuGet ids ignore case)");
        tool.Value.GetProperty("version").GetString().Should().Be(Property("Version"));
        tool.Value.GetProperty("commands").EnumerateArray().Select(c => c.GetString()).Should().Equal(Property("ToolCommandName"));
    }

    [Fact]
    public void NuGetConfigListsTheFolderTheToolIsPackedInto()
    {
        var root = RepositoryRoot.Find();
        var sources = XDocument.Load(Path.Combine(root, "NuGet.config")).Descendants("packageSources").Single().Elements("add")
            .Select(e => e.Attribute("value")!.Value);

        sources.Should().Contain("eng/tool-feed");
        Directory.Exists(Path.Combine(root, "eng", "tool-feed")).Should().BeTrue("NuGet fails every restore over a local source that does not exist");
        File.ReadAllText(Path.Combine(root, "eng", "cli-tool.sh")).Should().Contain("-o eng/tool-feed");
    }
}
