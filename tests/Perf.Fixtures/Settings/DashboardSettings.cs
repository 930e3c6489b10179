using System.ComponentModel.DataAnnotations;

namespace Perf.Fixtures.Settings;

/// <summary>The live web dashboard of the perf tests (docs/observability.md): served on 127.0.0.1 and written beside the report.</summary>
public sealed class DashboardSettings
{
    /// <summary>Whether the perf tests serve the live dashboard (its URL is in the test output) and write it beside the report as one offline HTML file.</summary>
    [EnvironmentVariable("PERF_DASHBOARD")]
    public bool Enabled { get; set; }

    /// <summary>The dashboard's port on 127.0.0.1; 0 picks any free port.</summary>
    [EnvironmentVariable("PERF_DASHBOARD_PORT")]
    [Range(0, 65535)]
    public int Port { get; set; } = 5665;
}
