namespace Perf.Fixtures.Settings;

/// <summary>
/// The environment variable that overrides a setting of <see cref="PerfSettings"/>. In a section that stands for one
/// configuration (<see cref="ConfigurationSettings"/>), <c>{0}</c> is the section's name in capitals, so
/// <c>PERF_{0}_WORKERS</c> is <c>PERF_BASELINE_WORKERS</c> in <c>Baseline</c> and <c>PERF_OPTIMIZED_WORKERS</c> in <c>Optimized</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class EnvironmentVariableAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>For a text setting: what the text must be, in the reference's words (e.g. "a file's path, or none").</summary>
    public string? Accepts { get; init; }
}
