namespace Perf.Reports.Experiments;

/// <summary>
/// Where the experiments' results and reports are, under the artifacts folder: experiments/ (the tiny versions in its
/// tiny/ folder, so CI never overwrites a real result). The runners write these names and the comparison reads them.
/// </summary>
public static class ExperimentFiles
{
    public const string AttributionJsonPattern = "attribution-*.json";

    public static string Directory(string artifactsDirectory, bool tiny) => Path.Combine(artifactsDirectory, "experiments", tiny ? "tiny" : "");

    public static string CapacityJson(string directory, string configuration) => Path.Combine(directory, $"capacity-{configuration}.json");

    public static string CapacityMarkdown(string directory, string configuration) => Path.Combine(directory, $"CAPACITY_{configuration}.md");

    public static string AttributionJson(string directory, string profile) => Path.Combine(directory, $"attribution-{profile}.json");

    public static string AttributionMarkdown(string directory, string profile) => Path.Combine(directory, $"ATTRIBUTION_{profile}.md");

    public static string ScalingJson(string directory) => Path.Combine(directory, "scaling.json");

    public static string ScalingMarkdown(string directory) => Path.Combine(directory, "SCALING.md");

    public static string SoakJson(string directory, string configuration) => Path.Combine(directory, $"soak-{configuration}.json");

    public static string SoakMarkdown(string directory, string configuration) => Path.Combine(directory, $"SOAK_{configuration}.md");
}
