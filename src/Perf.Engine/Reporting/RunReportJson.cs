using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perf.Engine.Reporting;

/// <summary>Reads and writes <see cref="RunReport"/> as indented camel-case JSON.</summary>
public static class RunReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(RunReport report) => JsonSerializer.Serialize(report, Options);

    public static RunReport Deserialize(string json)
    {
        var report = JsonSerializer.Deserialize<RunReport>(json, Options)
            ?? throw new JsonException("the report JSON is null");
        return report.SchemaVersion == RunReport.CurrentSchemaVersion
            ? report
            : throw new JsonException($"report schema version {report.SchemaVersion} is not supported (expected {RunReport.CurrentSchemaVersion})");
    }

    public static void Write(string path, RunReport report)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, Serialize(report));
    }

    public static RunReport Read(string path) => Deserialize(File.ReadAllText(path));
}
