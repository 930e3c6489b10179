using System.Text.Json;
using Perf.Engine.Reporting;
using Perf.Model;

namespace Perf.Reports.Comparison;

/// <summary>
/// One report file as <c>perf compare</c> reads it: a configuration run of the perf tests (fields <c>configuration</c>
/// and <c>load</c>), or the load engine's report of <c>perf run</c> or <c>perf import-artillery</c> (fields
/// <c>phases</c> and <c>totals</c>). Anything else is rejected with the file and the field.
/// </summary>
public sealed record ComparisonInput(string Path, ComparisonInputKind Kind, RunReport Load, ConfigurationRunReport? Run)
{
    private static readonly string[] RunReportFields = ["profileName", "target", "phases", "totals", "scenarios", "requests", "timeSeries"];

    private static readonly string[] ConfigurationRunFields =
        ["configuration", "profileName", "sessionId", "machine", "settings", "load", "jobs", "before", "after", "resources", "breaches"];

    /// <summary>The name the report gives itself: the configuration run's side, the engine report's label, else the file's name.</summary>
    public string DefaultLabel => Run?.Side ?? Run?.Configuration ?? Load.Label ?? System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>What the report is, in the words its header uses.</summary>
    public string KindText => Kind switch
    {
        ComparisonInputKind.PerfTests => "perf tests' configuration run",
        ComparisonInputKind.ArtilleryImport => "Artillery's results via perf import-artillery",
        _ => "perf run report",
    };

    public static ComparisonInput Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ComparisonInputException(path, "(file)", "not found");
        }

        using var document = Parse(File.ReadAllText(path), path);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ComparisonInputException(path, "(root)", $"must be an object (a report of perf run, perf import-artillery or the perf tests), found {Describe(root)}");
        }

        if (root.TryGetProperty("configuration", out _) && root.TryGetProperty("load", out _))
        {
            Require(root, ConfigurationRunFields, path, "");
            Require(root.GetProperty("load"), RunReportFields, path, "load.");
            var run = Deserialize<ConfigurationRunReport>(root, path);
            CheckSchema(path, "schemaVersion", run.SchemaVersion, ConfigurationRunReport.CurrentSchemaVersion);
            CheckSchema(path, "load.schemaVersion", run.Load.SchemaVersion, RunReport.CurrentSchemaVersion);
            return new ComparisonInput(path, ComparisonInputKind.PerfTests, run.Load, run);
        }

        if (root.TryGetProperty("phases", out _) && root.TryGetProperty("totals", out _))
        {
            Require(root, RunReportFields, path, "");
            var load = Deserialize<RunReport>(root, path);
            CheckSchema(path, "schemaVersion", load.SchemaVersion, RunReport.CurrentSchemaVersion);
            return new ComparisonInput(path, load.Limitations.Count > 0 ? ComparisonInputKind.ArtilleryImport : ComparisonInputKind.EngineRun, load, null);
        }

        throw new ComparisonInputException(path, "(root)", "unknown report kind: expected a report of perf run or perf import-artillery " +
            "(fields 'phases' and 'totals') or a configuration run of the perf tests (fields 'configuration' and 'load')");
    }

    /// <summary>This input as one side of the comparison, named <paramref name="label"/>.</summary>
    public ComparisonSide ToSide(string label, string source) => Run is { } run
        ? new ComparisonSide(run, sessionId: string.Empty, label, source)
        : new ComparisonSide(Load, label, source);

    private static JsonDocument Parse(string json, string path)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            // System.Text.Json appends its 0-based position to the message; the exception states the line 1-based instead.
            var problem = e.Message.Split(" LineNumber:", 2)[0].TrimEnd();
            throw new ComparisonInputException(path, "(json)", $"not valid JSON: {problem}", e.LineNumber is { } line ? line + 1 : null);
        }
    }

    private static void Require(JsonElement element, IEnumerable<string> fields, string path, string prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ComparisonInputException(path, prefix.TrimEnd('.'), $"must be an object, found {Describe(element)}");
        }

        foreach (var field in fields)
        {
            if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                throw new ComparisonInputException(path, prefix + field, "missing");
            }
        }
    }

    private static T Deserialize<T>(JsonElement root, string path)
    {
        try
        {
            return root.Deserialize<T>(RunReportJson.Options) ?? throw new ComparisonInputException(path, "(root)", "holds null");
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 1 } jsonPath ? jsonPath.TrimStart('$', '.') : "(root)";
            var problem = e.Message.Split(" Path:", 2)[0].TrimEnd();
            throw new ComparisonInputException(path, field, problem);
        }
    }

    private static void CheckSchema(string path, string field, int found, int supported)
    {
        if (found != supported)
        {
            throw new ComparisonInputException(path, field, $"{found} is not supported (this build reads {supported}); write the report again with this build");
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };
}
