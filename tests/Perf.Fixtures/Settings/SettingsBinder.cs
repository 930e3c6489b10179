using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace Perf.Fixtures.Settings;

/// <summary>
/// Binds <see cref="PerfSettings"/> from configuration: the optional JSON file, then the environment variables each
/// setting names (<see cref="EnvironmentVariableAttribute"/>), mapped explicitly onto their JSON paths so that the
/// variables users already script keep their names. Each setting is parsed on its own, rather than by
/// ConfigurationBinder, because the binder stops at the first bad value and cannot say which variable held it: here
/// every problem is collected, named by variable or by file and path, and thrown together.
/// </summary>
internal static class SettingsBinder
{
    public static PerfSettings Bind(string? file, IReadOnlyDictionary<string, string> environment)
    {
        var overrides = SettingDescriptor.All
            .Where(s => environment.TryGetValue(s.EnvironmentVariable, out var value) && !string.IsNullOrWhiteSpace(value))
            .ToDictionary(s => s.Path, s => (string?)environment[s.EnvironmentVariable].Trim(), StringComparer.OrdinalIgnoreCase);
        var configuration = Build(file, overrides);
        var settings = new PerfSettings();
        var problems = new List<string>();
        if (configuration.Providers.OfType<JsonConfigurationProvider>().SingleOrDefault() is { } json)
        {
            problems.AddRange(Keys(json, null).Where(key => !IsKnown(key)).Select(key => $"{file}: '{key}' is not a setting (docs/settings.md lists them)."));
        }

        foreach (var setting in SettingDescriptor.All)
        {
            if (Raw(configuration, setting) is not { } raw)
            {
                continue;
            }

            if (setting.TryParse(raw, out var value, out var problem))
            {
                setting.SetValue(settings, value);
            }
            else
            {
                var source = overrides.ContainsKey(setting.Path) ? setting.EnvironmentVariable : $"{file}: {setting.Path}";
                problems.Add($"{source}='{raw}' {problem}.");
            }
        }

        problems.AddRange(settings.Problems());
        return problems.Count == 0 ? settings : throw new PerfSettingsException(problems);
    }

    private static IConfigurationRoot Build(string? file, Dictionary<string, string?> overrides)
    {
        var builder = new ConfigurationBuilder();
        if (file is not null)
        {
            builder.AddJsonFile(file, optional: true, reloadOnChange: false);
        }

        try
        {
            return builder.AddInMemoryCollection(overrides).Build();
        }
        catch (InvalidDataException e)
        {
            throw new PerfSettingsException([$"{file}: not valid JSON: {e.InnerException?.Message ?? e.Message}"]);
        }
    }

    /// <summary>The value at the setting's path: a scalar, or for a list either a comma-separated text or a JSON array.</summary>
    private static string? Raw(IConfiguration configuration, SettingDescriptor setting)
    {
        var value = configuration[setting.Path];
        if (string.IsNullOrWhiteSpace(value) && setting.IsList)
        {
            value = string.Join(",", configuration.GetSection(setting.Path).GetChildren().Select(item => item.Value));
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static bool IsKnown(string key) => SettingDescriptor.All.Any(s =>
        key.Equals(s.Path, StringComparison.OrdinalIgnoreCase)
        || key.Equals(s.Section.Name, StringComparison.OrdinalIgnoreCase)
        || (s.IsList && key.StartsWith(s.Path + ":", StringComparison.OrdinalIgnoreCase) && int.TryParse(key[(s.Path.Length + 1)..], out _)));

    /// <summary>Every key the provider holds a value for (JSON objects and arrays flattened to <c>a:b:0</c>).</summary>
    private static IEnumerable<string> Keys(IConfigurationProvider provider, string? parent)
    {
        foreach (var child in provider.GetChildKeys([], parent).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var key = parent is null ? child : $"{parent}:{child}";
            if (provider.TryGet(key, out _))
            {
                yield return key;
            }

            foreach (var nested in Keys(provider, key))
            {
                yield return nested;
            }
        }
    }
}
