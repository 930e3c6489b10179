using Perf.Fixtures.Settings;

namespace Perf.Fixtures.Tests;

/// <summary>
/// docs/settings.md and perfsettings.example.json are written from the settings model; these fail when either is
/// stale. To update both: PERF_UPDATE_SETTINGS_DOC=1 dotnet test tests/Perf.Fixtures.Tests --filter SettingsReferenceTests.
/// </summary>
public sealed class SettingsReferenceTests
{
    [Fact]
    public void SettingsPageIsGeneratedFromTheModel() =>
        AssertCurrent(SettingsReference.DocumentPath, SettingsReference.Markdown(XmlDocumentation.For(typeof(PerfSettings).Assembly)));

    [Fact]
    public void ExampleFileIsGeneratedFromTheModel() =>
        AssertCurrent(SettingsReference.ExamplePath, SettingsReference.ExampleJson());

    [Fact]
    public void EverySettingHasItsOwnEnvironmentVariable() =>
        SettingDescriptor.All.Select(s => s.EnvironmentVariable).Should().OnlyHaveUniqueItems();

    private static void AssertCurrent(string relativePath, string expected)
    {
        var path = Path.Combine(RepositoryPaths.Root, relativePath);
        if (Environment.GetEnvironmentVariable(SettingsReference.UpdateVariable) == "1")
        {
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path) : "";
        actual.Should().Be(expected,
            $"{relativePath} is generated from tests/Perf.Fixtures/Settings; after changing a setting run " +
            $"{SettingsReference.UpdateVariable}=1 dotnet test tests/Perf.Fixtures.Tests --filter SettingsReferenceTests");
    }
}
