using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Perf.Fixtures.Settings;

/// <summary>
/// One setting of <see cref="PerfSettings"/>: where it lives (a section property and its own property), its JSON path
/// (<c>Section:Property</c>), the environment variable that overrides it, and how a text value becomes its typed value
/// (type, <see cref="RangeAttribute"/>, <see cref="AllowedValuesAttribute"/>). The binder and the generated reference
/// (docs/settings.md) both read the model through these, so the two cannot disagree.
/// </summary>
public sealed class SettingDescriptor
{
    private readonly string? _accepts;

    private SettingDescriptor(PropertyInfo section, PropertyInfo property, EnvironmentVariableAttribute variable)
    {
        Section = section;
        Property = property;
        EnvironmentVariable = string.Format(CultureInfo.InvariantCulture, variable.Name, section.Name.ToUpperInvariant());
        _accepts = variable.Accepts;
        Path = $"{section.Name}:{property.Name}";
        Range = property.GetCustomAttribute<RangeAttribute>();
        AllowedNames = property.GetCustomAttribute<AllowedValuesAttribute>()?.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!).ToList();
    }

    /// <summary>Every setting of the model, in declaration order (sections, then their properties).</summary>
    public static IReadOnlyList<SettingDescriptor> All { get; } = Discover();

    /// <summary>The setting at <paramref name="path"/> (e.g. <c>System:Kind</c>).</summary>
    public static SettingDescriptor Named(string path) =>
        All.SingleOrDefault(s => s.Path == path) ?? throw new ArgumentException($"'{path}' is not a setting.", nameof(path));

    public PropertyInfo Section { get; }

    public PropertyInfo Property { get; }

    /// <summary>The JSON path in perfsettings.json, e.g. <c>System:Kind</c>.</summary>
    public string Path { get; }

    public string EnvironmentVariable { get; }

    /// <summary>Both names, as messages give them: <c>PERF_SYSTEM (System:Kind)</c>.</summary>
    public string Names => $"{EnvironmentVariable} ({Path})";

    public RangeAttribute? Range { get; }

    public IReadOnlyList<string>? AllowedNames { get; }

    /// <summary>The setting's type without nullability: int, double, bool, string, Uri, an enum or a list of string or int.</summary>
    public Type ValueType => Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;

    public bool IsList => ValueType == typeof(IReadOnlyList<string>) || ValueType == typeof(IReadOnlyList<int>);

    public object? GetValue(PerfSettings settings) => Property.GetValue(Section.GetValue(settings));

    public void SetValue(PerfSettings settings, object? value) => Property.SetValue(Section.GetValue(settings), value);

    /// <summary>What the setting accepts, in the words of an error message and of the reference.</summary>
    public string Allowed => ValueType switch
    {
        _ when ValueType == typeof(int) => $"an integer {Bounds()}",
        _ when ValueType == typeof(double) => $"a number {Bounds()}",
        _ when ValueType == typeof(bool) => "true, false, 1, 0",
        _ when ValueType == typeof(Uri) => "an absolute http(s) URL",
        _ when ValueType.IsEnum => string.Join(", ", Enum.GetNames(ValueType).Select(n => n.ToLowerInvariant())),
        _ when ValueType == typeof(IReadOnlyList<int>) => $"a comma-separated list of integers {Bounds()}",
        _ when AllowedNames is not null => (IsList ? "a comma-separated list of: " : "") + string.Join(", ", AllowedNames),
        _ when IsList => "a comma-separated list of names",
        _ => _accepts ?? "any text",
    };

    /// <summary>Turns a trimmed, non-blank text into the setting's value; on failure, says what was wrong.</summary>
    public bool TryParse(string raw, out object? value, out string problem)
    {
        (value, problem) = (null, "");
        var type = ValueType;
        if (type == typeof(int) || type == typeof(double))
        {
            var ok = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && InRange(number)
                && (type == typeof(double) || int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _));
            value = type == typeof(int) ? (object)(int)number : number;
            problem = $"is not {Allowed}";
            return ok;
        }

        if (type == typeof(bool))
        {
            // 1 and 0 as shells and CI variables often write them (PERF_DASHBOARD=1).
            var ok = raw is "1" or "0" || bool.TryParse(raw, out _);
            value = raw == "1" || (bool.TryParse(raw, out var flag) && flag);
            problem = $"is not a boolean (allowed: {Allowed})";
            return ok;
        }

        if (type.IsEnum)
        {
            var ok = Enum.TryParse(type, raw, ignoreCase: true, out var parsed) && !int.TryParse(raw, out _) && Enum.IsDefined(type, parsed!);
            value = parsed;
            problem = $"is not allowed (allowed: {Allowed})";
            return ok;
        }

        if (type == typeof(Uri))
        {
            var ok = Uri.TryCreate(raw, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
            value = uri;
            problem = "is not an absolute http(s) URL";
            return ok;
        }

        if (type == typeof(IReadOnlyList<int>))
        {
            var items = Items(raw).Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && InRange(v) ? v : (int?)null).ToList();
            value = (IReadOnlyList<int>)[.. items.Select(v => v.GetValueOrDefault()).Distinct().Order()];
            problem = $"is not {Allowed}";
            return items.Count > 0 && items.All(v => v is not null);
        }

        var names = type == typeof(IReadOnlyList<string>) ? Items(raw) : [raw];
        var unknown = AllowedNames is null ? [] : names.Where(n => !AllowedNames.Contains(n)).ToList();
        value = type == typeof(IReadOnlyList<string>) ? names : raw;
        problem = $"has unknown value(s) {string.Join(", ", unknown)} (allowed: {Allowed})";
        return names.Count > 0 && unknown.Count == 0;
    }

    private bool InRange(double value) =>
        Range is null || (value >= Convert.ToDouble(Range.Minimum, CultureInfo.InvariantCulture) && value <= Convert.ToDouble(Range.Maximum, CultureInfo.InvariantCulture));

    private static List<string> Items(string raw) => [.. raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>"from 1 to 64", or "of at least 0" for a range that is open above.</summary>
    private string Bounds()
    {
        var min = Convert.ToString(Range?.Minimum ?? int.MinValue, CultureInfo.InvariantCulture);
        return Range?.Maximum is double.MaxValue
            ? $"of at least {min}"
            : $"from {min} to {Convert.ToString(Range?.Maximum ?? int.MaxValue, CultureInfo.InvariantCulture)}";
    }

    private static List<SettingDescriptor> Discover() =>
    [
        .. typeof(PerfSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .SelectMany(section => section.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .OrderBy(p => p.MetadataToken)
                .Where(p => p.GetCustomAttribute<EnvironmentVariableAttribute>() is not null)
                .Select(p => new SettingDescriptor(section, p, p.GetCustomAttribute<EnvironmentVariableAttribute>()!))),
    ];
}
