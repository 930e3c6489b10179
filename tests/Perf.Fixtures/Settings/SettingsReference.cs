using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Perf.Fixtures.Settings;

/// <summary>
/// The settings reference (docs/settings.md) and the example file (perfsettings.example.json), both written from
/// <see cref="PerfSettings"/>: its sections, each setting's names, type, default and allowed values
/// (<see cref="SettingDescriptor"/>), and the doc comments that say what it does. A test compares them with the
/// checked-in files, so a setting cannot change without its documentation.
/// </summary>
public static class SettingsReference
{
    /// <summary>The environment variable that makes the reference test rewrite the two files instead of failing.</summary>
    public const string UpdateVariable = "PERF_UPDATE_SETTINGS_DOC";

    public const string DocumentPath = "docs/settings.md";

    public const string ExamplePath = "perfsettings.example.json";

    public static string Markdown(XmlDocumentation docs)
    {
        ArgumentNullException.ThrowIfNull(docs);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # Settings

            <!-- Generated from tests/Perf.Fixtures/Settings by SettingsReferenceTests (tests/Perf.Fixtures.Tests); do not edit by hand.
                 To update after changing a setting: {UpdateVariable}=1 dotnet test tests/Perf.Fixtures.Tests --filter SettingsReferenceTests -->

            Every setting of the suite's test side (fixtures, perf scenarios, experiments, reliability tests) comes from one
            model, `PerfSettings` in `tests/Perf.Fixtures/Settings`, in three layers, the later winning:

            1. the default below;
            2. `{PerfSettings.FileName}` at the repository root, when there is one: a JSON file you keep next to your runs (git
               ignores it; copy [`{ExamplePath}`](../{ExamplePath}), which holds every setting at its default, and delete what
               you do not change);
            3. the environment variable named below, under the same name as always, so scripts keep working.

            The settings are read and validated once, when the first test needs them. Every bad value is reported at once, in
            one message that names the environment variable, or the file and the JSON path, what was wrong and what is
            allowed. Lists are comma-separated in a variable and JSON arrays (or comma-separated text) in the file. A blank
            variable counts as unset. `eng/run-comparison.sh` sets `PERF_PROFILE=1k` when the variable is unset, so with
            that script a profile is chosen by the variable, not by the file.

            The system under test's own settings (`Api__*`, `Worker__*`, ASP.NET Core configuration) are described in
            [system-under-test.md](system-under-test.md); variables that only the scripts read (`PERF_REPEATS`, `PERF_GATE_*`,
            `PERF_OFFLINE`, `PERF_BULLMQ_SMOKE`, ...) in [ci-and-gate.md](ci-and-gate.md) and [machines.md](machines.md);
            the command line's options in `perf --help`.

            """);
        foreach (var section in SettingDescriptor.All.GroupBy(s => s.Section))
        {
            text.Append(CultureInfo.InvariantCulture, $"""

                ## {section.Key.Name}

                {SectionSummary(docs, section.Key)}

                | JSON path | environment variable | type | default | allowed | what it does |
                |---|---|---|---|---|---|

                """);
            foreach (var setting in section)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| `{setting.Path}` | `{setting.EnvironmentVariable}` | {TypeName(setting)} | {Code(Text(setting.GetValue(PerfSettings.Defaults)) ?? "unset")} | {Cell(setting.Allowed)} | {Cell(docs.Summary(setting.Property))} |\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Every setting at its default, each with its environment variable in a comment (the JSON reader skips comments).</summary>
    public static string ExampleJson()
    {
        var text = new StringBuilder("{\n");
        var sections = SettingDescriptor.All.GroupBy(s => s.Section).ToList();
        foreach (var (section, i) in sections.Select((s, i) => (s, i)))
        {
            text.Append(CultureInfo.InvariantCulture, $"  \"{section.Key.Name}\": {{\n");
            var settings = section.ToList();
            foreach (var (setting, j) in settings.Select((s, j) => (s, j)))
            {
                var comma = j < settings.Count - 1 ? "," : "";
                text.Append(CultureInfo.InvariantCulture, $"    \"{setting.Property.Name}\": {Json(setting.GetValue(PerfSettings.Defaults))}{comma} // {setting.EnvironmentVariable}\n");
            }

            text.Append(i < sections.Count - 1 ? "  },\n" : "  }\n");
        }

        return text.Append("}\n").ToString();
    }

    /// <summary>The section type's summary; where one type serves several sections, the section's own summary first.</summary>
    private static string SectionSummary(XmlDocumentation docs, PropertyInfo section) =>
        SettingDescriptor.All.Select(s => s.Section).Distinct().Count(s => s.PropertyType == section.PropertyType) > 1
            ? $"{docs.Summary(section)} {docs.Summary(section.PropertyType)}"
            : docs.Summary(section.PropertyType);

    private static string TypeName(SettingDescriptor setting)
    {
        var type = setting.ValueType;
        var name = type switch
        {
            _ when type == typeof(int) => "integer",
            _ when type == typeof(double) => "number",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(Uri) => "URL",
            _ when type.IsEnum => "choice",
            _ when type == typeof(IReadOnlyList<int>) => "list of integers",
            _ when type == typeof(IReadOnlyList<string>) => "list of names",
            _ => "text",
        };
        var optional = Nullable.GetUnderlyingType(setting.Property.PropertyType) is not null
                       || (setting.GetValue(PerfSettings.Defaults) is null && !type.IsValueType);
        return optional ? name + " (optional)" : name;
    }

    /// <summary>A value as a user writes it in a variable: lower-case choices and booleans, comma-separated lists.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        Enum e => e.ToString().ToLowerInvariant(),
        IEnumerable<int> items => string.Join(",", items),
        IEnumerable<string> items => string.Join(",", items),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Json(object? value) => value switch
    {
        null => "null",
        bool or int or double => Text(value)!,
        IEnumerable<int> items => JsonSerializer.Serialize(items),
        IEnumerable<string> items => JsonSerializer.Serialize(items),
        _ => JsonSerializer.Serialize(Text(value)),
    };

    private static string Code(string value) => value == "unset" ? value : $"`{value}`";

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
