using System.Collections.Concurrent;
using Perf.Dashboard;
using Perf.Fixtures;
using Perf.Fixtures.Settings;
using Perf.Model;
using Perf.Scenarios.Reporting;
using Perf.Scenarios.Running;
using Xunit.Sdk;
using Xunit.v3;

[assembly: AssemblyFixture(typeof(ComparisonFixture))]

namespace Perf.Scenarios.Reporting;

/// <summary>
/// Writes the comparison report once, after every configuration test of this test process has run: each configuration
/// test records its run here, and xUnit disposes an assembly fixture after the assembly's last test. The comparison
/// reads the reports from the artifacts (<see cref="ComparisonReport"/>), so a process that ran one configuration (a
/// repeat, an A/A half, a filter) compares it with the other side's stored report, as before. A process that ran no
/// configuration test (the experiments, the report's unit tests) writes nothing. With PERF_DASHBOARD it also serves the
/// live dashboard for the process's whole life, so the main job's two configurations share one page, and at the end
/// writes it beside the comparison, which links it.
/// </summary>
public sealed class ComparisonFixture(IMessageSink sink) : IAsyncLifetime
{
    private readonly ConcurrentQueue<(ArtifactWriter Artifacts, PerfRunSettings Settings, ConfigurationRunReport Report)> _runs = new();
    private LiveDashboard? _dashboard;

    /// <summary>The live dashboard's feed (PERF_DASHBOARD), or null.</summary>
    public DashboardFeed? Dashboard => _dashboard?.Feed;

    public async ValueTask InitializeAsync()
    {
        var (enabled, port) = (PerfSettings.Current.Dashboard.Enabled, PerfSettings.Current.Dashboard.Port);
        if (enabled)
        {
            _dashboard = await LiveDashboard.StartAsync($"PerfTests: session {ConfigurationRun.SessionId}", port).ConfigureAwait(false);
            Log($"live dashboard: {_dashboard.Url} (127.0.0.1 only)");
        }
    }

    /// <summary>Called by a configuration test once its report is written to <paramref name="artifacts"/>, whether or not its thresholds held.</summary>
    public void Record(ArtifactWriter artifacts, PerfRunSettings settings, ConfigurationRunReport report) => _runs.Enqueue((artifacts, settings, report));

    public async ValueTask DisposeAsync()
    {
        string? dashboardPath = null;
        if (_dashboard is not null)
        {
            if (!_runs.IsEmpty)
            {
                dashboardPath = _dashboard.Export(_runs.Last().Artifacts.DashboardPath);
                Log($"live dashboard written to {dashboardPath}");
            }

            await _dashboard.DisposeAsync().ConfigureAwait(false);
        }

        if (_runs.IsEmpty)
        {
            return;
        }

        // Every configuration test of one process reads the same PERF_* variables, so the runs share profile, artifact
        // directory and A/A settings.
        var (artifacts, settings, _) = _runs.Last();
        Log($"{string.Join(" and ", _runs.Select(r => r.Report.ArtifactLabel))} ran in this process; writing the comparison of profile '{settings.ProfileName}'");
        if (ComparisonReport.TryWrite(artifacts, ConfigurationRun.SessionId, Log, settings.AaConfiguration, settings.AaLabels, dashboardPath) is { } comparison)
        {
            Log($"comparison report: {comparison}");
        }
    }

    private void Log(string message) => sink.OnMessage(new DiagnosticMessage($"[{DateTime.UtcNow:HH:mm:ss}] [comparison] {message}"));
}
