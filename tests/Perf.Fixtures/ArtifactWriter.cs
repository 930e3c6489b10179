using System.Text.Json;
using Perf.Engine.Reporting;
using Perf.Fixtures.Settings;

namespace Perf.Fixtures;

/// <summary>
/// Writes the artifacts (docs/architecture.md, "How data flows"; names in README "Artifacts"): the 1k profile uses the bare names
/// (metrics-baseline-before.json); any other profile adds its own suffix (metrics-baseline-before-smoke.json).
/// </summary>
public sealed class ArtifactWriter(string profileName, string? directory = null)
{
    public string Directory { get; } = directory ?? PerfSettings.Current.ArtifactsPath;

    public string ProfileName { get; } = profileName;

    private string Suffix => ProfileName == "1k" ? "" : "-" + ProfileName;

    public string MetricsPath(string configuration, string label) => Path.Combine(Directory, $"metrics-{configuration}-{label}{Suffix}.json");

    public string ReportPath(string configuration) => Path.Combine(Directory, "comparison-results", $"report-{configuration}-{ProfileName}.json");

    /// <summary>The client ledger of a configuration's run: gzip text, one accepted job id per line (Perf.Engine's ClientLedger).</summary>
    public string LedgerPath(string configuration) => Path.Combine(Directory, "comparison-results", $"ledger-{configuration}-{ProfileName}.txt.gz");

    public string ComparisonPath => Path.Combine(Directory,
        ProfileName == "1k" ? "LOAD_TEST_COMPARISON_1K_VU.md" : $"LOAD_TEST_COMPARISON_{ProfileName.ToUpperInvariant()}.md");

    /// <summary>The live dashboard of the process's runs as one offline HTML file (PERF_DASHBOARD), beside the comparison.</summary>
    public string DashboardPath => Path.Combine(Directory,
        ProfileName == "1k" ? "LOAD_TEST_DASHBOARD_1K_VU.html" : $"LOAD_TEST_DASHBOARD_{ProfileName.ToUpperInvariant()}.html");

    /// <summary>Writes <paramref name="value"/> in the run report's JSON form, so every artifact reads the same way.</summary>
    public string Write<T>(string path, T value)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(value, RunReportJson.Options));
        File.Move(temp, path, overwrite: true);
        return path;
    }

    public T? Read<T>(string path) => File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), RunReportJson.Options) : default;
}
