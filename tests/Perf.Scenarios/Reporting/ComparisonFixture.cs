using System.Collections.Concurrent;
using Perf.Fixtures;
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
/// configuration test (the experiments, the report's unit tests) writes nothing.
/// </summary>
public sealed class ComparisonFixture(IMessageSink sink) : IAsyncDisposable
{
    private readonly ConcurrentQueue<(ArtifactWriter Artifacts, PerfRunSettings Settings, ConfigurationRunReport Report)> _runs = new();

    /// <summary>Called by a configuration test once its report is written to <paramref name="artifacts"/>, whether or not its thresholds held.</summary>
    public void Record(ArtifactWriter artifacts, PerfRunSettings settings, ConfigurationRunReport report) => _runs.Enqueue((artifacts, settings, report));

    public ValueTask DisposeAsync()
    {
        if (_runs.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        // Every configuration test of one process reads the same PERF_* variables, so the runs share profile, artifact
        // directory and A/A settings.
        var (artifacts, settings, _) = _runs.Last();
        Log($"{string.Join(" and ", _runs.Select(r => r.Report.ArtifactLabel))} ran in this process; writing the comparison of profile '{settings.ProfileName}'");
        if (ComparisonReport.TryWrite(artifacts, ConfigurationRun.SessionId, Log, settings.AaConfiguration, settings.AaLabels) is { } comparison)
        {
            Log($"comparison report: {comparison}");
        }

        return ValueTask.CompletedTask;
    }

    private void Log(string message) => sink.OnMessage(new DiagnosticMessage($"[{DateTime.UtcNow:HH:mm:ss}] [comparison] {message}"));
}
