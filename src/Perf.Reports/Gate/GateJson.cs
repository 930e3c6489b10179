using System.Text.Json;

namespace Perf.Reports.Gate;

/// <summary>Reading the gate's JSON inputs, with errors that name the file and the field.</summary>
internal static class GateJson
{
    public static JsonElement ReadObject(string path, string what)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateInputException($"{path}: cannot be read ({e.Message})", e);
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines and columns from 0; editors and the message count them from 1.
            throw new GateInputException($"{path}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: not valid JSON ({e.Message.Split(" Path:")[0]})", e);
        }

        return root.ValueKind == JsonValueKind.Object
            ? root
            : throw new GateInputException($"{path}: expected a JSON object ({what}), found {Kind(root)}");
    }

    public static void Require(JsonElement node, string path, string where, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (!node.TryGetProperty(key, out _))
            {
                throw new GateInputException($"{path}: field '{where}{key}' is missing");
            }
        }
    }

    public static double? Number(JsonElement value, string path, string where, bool nullable = false)
    {
        if (value.ValueKind == JsonValueKind.Null && nullable)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new GateInputException($"{path}: field '{where}' is {Describe(value)}, expected a finite number{(nullable ? " or null" : "")}");
    }

    /// <summary>A value as the messages quote it: a string in single quotes, anything else as its JSON.</summary>
    public static string Describe(JsonElement value) => value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.GetRawText();

    /// <summary>A string as it is, anything else as its JSON (a count, a date written as a number).</summary>
    public static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>The files a glob names, in ordinal order: '*' and '?' in the file name, the folder taken as it is.</summary>
    public static IReadOnlyList<string> Glob(string pattern)
    {
        var folder = Path.GetDirectoryName(pattern);
        var directory = string.IsNullOrEmpty(folder) ? "." : folder;
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var files = Directory.GetFiles(directory, Path.GetFileName(pattern));
        return string.IsNullOrEmpty(folder) ? [.. files.Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)] : [.. files.Order(StringComparer.Ordinal)];
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
