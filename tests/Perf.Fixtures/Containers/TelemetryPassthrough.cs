using System.Collections;

namespace Perf.Fixtures.Containers;

/// <summary>
/// The test process's OpenTelemetry settings (every <c>OTEL_*</c> variable, e.g. <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>)
/// handed to the system's containers, so one setting exports the engine and the system alike. The service name
/// stays each part's own (<c>sut-api</c>, <c>sut-worker</c>), so their telemetry is not merged under the test's name.
/// </summary>
public static class TelemetryPassthrough
{
    public const string Prefix = "OTEL_";
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    public static IReadOnlyDictionary<string, string> From(IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var passed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && name.StartsWith(Prefix, StringComparison.Ordinal) && name != ServiceNameVariable
                && entry.Value is string value && value.Length > 0)
            {
                passed[name] = value;
            }
        }

        return passed;
    }
}
