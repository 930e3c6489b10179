using System.Collections;
using System.Globalization;

namespace Perf.Fixtures.Settings;

/// <summary>
/// The one reader of <c>PERF_*</c> environment variables, for the fixtures' environment settings, the scenarios' run
/// settings and the experiments' settings alike. An unset or blank variable gives the fallback; a bad value gives the
/// fallback too and becomes a problem that names the variable, the value and what is allowed, so that
/// <see cref="ThrowIfInvalid"/> reports every bad setting at once.
/// </summary>
public sealed class PerfVariables(IReadOnlyDictionary<string, string> variables)
{
    public static PerfVariables FromProcess()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && key.StartsWith("PERF_", StringComparison.Ordinal) && entry.Value is string value)
            {
                result[key] = value;
            }
        }

        return new PerfVariables(result);
    }

    public List<string> Problems { get; } = [];

    /// <summary>The trimmed value, or null when the variable is unset or blank.</summary>
    public string? Get(string name) =>
        variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string Text(string name, string fallback) => Get(name) ?? fallback;

    public string? OptionalText(string name, string? fallback) => Get(name) ?? fallback;

    public int Int(string name, int fallback, int min, int max) => Parse(name, fallback,
        raw => (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max, v),
        $"is not an integer from {min} to {max}");

    public double Double(string name, double fallback, double min, double max) => Parse(name, fallback,
        raw => (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max, v),
        $"is not a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>true/false in any case, or 1/0 as shells and CI variables often write them (PERF_DASHBOARD=1).</summary>
    public bool Bool(string name, bool fallback) => Parse(name, fallback,
        raw => raw switch
        {
            "1" => (true, true),
            "0" => (true, false),
            _ => (bool.TryParse(raw, out var v), v),
        }, "is not a boolean (allowed: true, false, 1, 0)");

    public TEnum Enum<TEnum>(string name, TEnum fallback)
        where TEnum : struct, System.Enum => Parse(name, fallback,
        raw => (System.Enum.TryParse<TEnum>(raw, ignoreCase: true, out var v) && System.Enum.IsDefined(v), v),
        $"is not allowed (allowed: {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))})");

    public Uri? Url(string name, Uri? fallback) => Parse(name, fallback,
        raw => (Uri.TryCreate(raw, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", uri), "is not an absolute http(s) URL");

    /// <summary>A file relative to the repository root; "none" means no file.</summary>
    public string? ConfigFile(string name, string? fallback) => Get(name) switch
    {
        null => fallback,
        "none" => null,
        var raw => Path.GetFullPath(raw, RepositoryPaths.Root),
    };

    /// <summary>A comma-separated list, items trimmed, empty items dropped; the fallback when unset.</summary>
    public IReadOnlyList<string> List(string name, IReadOnlyList<string> fallback) =>
        Get(name) is { } raw ? raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : fallback;

    /// <summary>A comma-separated list of integers in a range, distinct and in order.</summary>
    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback, int min, int max) => Parse(name, fallback, raw =>
        {
            var values = List(name, []).Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : (int?)null).ToList();
            return (values.Count > 0 && values.All(v => v is not null), (IReadOnlyList<int>)[.. values.Select(v => v.GetValueOrDefault()).Distinct().Order()]);
        },
        $"is not a comma-separated list of integers from {min} to {max}");

    /// <summary>A comma-separated list of names, each one of <paramref name="allowed"/>.</summary>
    public IReadOnlyList<string> Names(string name, IReadOnlyList<string> fallback, IReadOnlyList<string> allowed)
    {
        if (Get(name) is not { } raw)
        {
            return fallback;
        }

        var names = List(name, fallback);
        var unknown = names.Where(n => !allowed.Contains(n)).ToList();
        if (names.Count > 0 && unknown.Count == 0)
        {
            return names;
        }

        Problems.Add($"{name}='{raw}': unknown name(s) {string.Join(", ", unknown)} (allowed: {string.Join(", ", allowed)}).");
        return fallback;
    }

    /// <summary>Throws one exception that lists every problem found so far, if there is any.</summary>
    public void ThrowIfInvalid()
    {
        if (Problems.Count > 0)
        {
            throw new InvalidOperationException(
                "Invalid perf settings:" + Environment.NewLine + string.Join(Environment.NewLine, Problems.Select(p => "  - " + p)));
        }
    }

    private T Parse<T>(string name, T fallback, Func<string, (bool Ok, T Value)> parse, string expected)
    {
        if (Get(name) is not { } raw)
        {
            return fallback;
        }

        var (ok, value) = parse(raw);
        if (ok)
        {
            return value;
        }

        Problems.Add($"{name}='{raw}' {expected}.");
        return fallback;
    }
}
