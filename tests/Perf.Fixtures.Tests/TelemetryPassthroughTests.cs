using System.Collections;
using Perf.Fixtures.Containers;

namespace Perf.Fixtures.Tests;

public sealed class TelemetryPassthroughTests
{
    [Fact]
    public void EveryOtelSettingButTheServiceNameReachesTheContainers()
    {
        var environment = new Hashtable
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_SERVICE_NAME"] = "perf-tests",
            ["OTEL_RESOURCE_ATTRIBUTES"] = string.Empty,
            ["PERF_PROFILE"] = "smoke",
            ["otel_lowercase"] = "x",
        };

        TelemetryPassthrough.From(environment).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        });
    }

    [Fact]
    public void WithoutOtelSettingsNothingIsPassed() =>
        TelemetryPassthrough.From(new Hashtable { ["PATH"] = "/usr/bin" }).Should().BeEmpty();
}
