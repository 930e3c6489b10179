namespace Perf.Fixtures.Settings;

/// <summary>Every problem found in the settings at once, each naming the environment variable or the file and JSON path.</summary>
public sealed class PerfSettingsException : InvalidOperationException
{
    public PerfSettingsException()
        : this([])
    {
    }

    public PerfSettingsException(string message)
        : this([message])
    {
    }

    public PerfSettingsException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    public PerfSettingsException(IReadOnlyList<string> problems)
        : base("Invalid perf settings (perfsettings.json and PERF_* variables; docs/settings.md lists every setting):" + Environment.NewLine +
               string.Join(Environment.NewLine, problems.Select(p => "  - " + p))) => Problems = problems;

    public IReadOnlyList<string> Problems { get; }
}
