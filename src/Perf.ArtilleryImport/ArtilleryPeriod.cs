using System.Globalization;
using System.Text.Json;
using Perf.Engine.Stats;

namespace Perf.ArtilleryImport;

/// <summary>
/// One metrics block of Artillery's JSON: the <c>aggregate</c> or one <c>intermediate</c> window, each with
/// <c>counters</c>, <c>summaries</c> (min..p999 per histogram) and first/last metric timestamps in epoch milliseconds.
/// Every read names the field it failed on.
/// </summary>
internal sealed class ArtilleryPeriod
{
    private static readonly string[] SummaryFields = ["min", "max", "count", "mean", "p50", "p75", "p90", "p95", "p99", "p999"];

    private readonly JsonElement _element;
    private readonly JsonElement? _summaries;
    private readonly string _file;

    private ArtilleryPeriod(JsonElement element, string path, string file)
    {
        _element = element;
        Path = path;
        _file = file;
        Counters = ObjectProperty("counters") ?? throw Error("counters", "missing: every Artillery metrics block has counters");
        _summaries = ObjectProperty("summaries");
    }

    /// <summary>The JSON path of this block, e.g. <c>aggregate</c> or <c>intermediate[2]</c>.</summary>
    public string Path { get; }

    public JsonElement Counters { get; }

    public static ArtilleryPeriod Read(JsonElement element, string path, string file) =>
        element.ValueKind == JsonValueKind.Object
            ? new ArtilleryPeriod(element, path, file)
            : throw new ArtilleryImportException(file, path, $"must be an object, found {Describe(element)}");

    /// <summary>A counter's value, 0 when Artillery did not write it (it omits counters that never moved).</summary>
    public long Counter(string name) =>
        Counters.TryGetProperty(name, out var value) ? Whole(value, $"counters['{name}']") : 0;

    /// <summary>Every counter whose name starts with <paramref name="prefix"/>, as (rest of the name, value).</summary>
    public IEnumerable<(string Name, long Value)> CountersStartingWith(string prefix)
    {
        foreach (var counter in Counters.EnumerateObject())
        {
            if (counter.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return (counter.Name[prefix.Length..], Whole(counter.Value, $"counters['{counter.Name}']"));
            }
        }
    }

    /// <summary>Names of the summaries that start with <paramref name="prefix"/>, without it.</summary>
    public IEnumerable<string> SummariesStartingWith(string prefix) => _summaries is { } summaries
        ? summaries.EnumerateObject().Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(s => s.Name[prefix.Length..])
        : [];

    /// <summary>A histogram's summary in milliseconds, or null when Artillery wrote none (no responses in this block).</summary>
    public LatencyStats? Summary(string name)
    {
        if (_summaries is not { } summaries || !summaries.TryGetProperty(name, out var summary))
        {
            return null;
        }

        var field = $"summaries['{name}']";
        if (summary.ValueKind != JsonValueKind.Object)
        {
            throw Error(field, $"must be an object with {string.Join(", ", SummaryFields)}, found {Describe(summary)}");
        }

        double Value(string key) => summary.TryGetProperty(key, out var value)
            ? Number(value, $"{field}.{key}")
            : throw Error($"{field}.{key}", "missing (Artillery writes min, max, count, mean and p50..p999 for every histogram)");

        return new LatencyStats(Value("min"), Value("p50"), Value("p75"), Value("p90"), Value("p95"), Value("p99"), Value("p999"), Value("max"), Value("mean"));
    }

    /// <summary>A timestamp in epoch milliseconds; Artillery writes some as numbers and some (<c>period</c> of a window) as strings.</summary>
    public double Timestamp(string name)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Error(name, "missing: the epoch-millisecond time Artillery writes for every metrics block");
        }

        return value.ValueKind == JsonValueKind.String &&
               double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : Number(value, name);
    }

    private JsonElement? ObjectProperty(string name)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw Error(name, $"must be an object, found {Describe(value)}");
    }

    private long Whole(JsonElement value, string field) => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count) && count >= 0
        ? count
        : throw Error(field, $"must be a whole number >= 0, found {Describe(value)}");

    private double Number(JsonElement value, string field) => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
        ? number
        : throw Error(field, $"must be a number, found {Describe(value)}");

    public ArtilleryImportException Error(string field, string problem) => new(_file, $"{Path}.{field}", problem);

    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };
}
