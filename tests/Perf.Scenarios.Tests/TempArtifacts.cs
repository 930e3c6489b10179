using Perf.Fixtures;
using Perf.Model;

namespace Perf.Scenarios.Tests;

/// <summary>An artifact directory of its own per test, removed afterwards.</summary>
public sealed class TempArtifacts : IDisposable
{
    public TempArtifacts(string profile = "smoke")
    {
        Directory = Path.Combine(Path.GetTempPath(), "perf-report-tests", Guid.NewGuid().ToString("N"));
        Writer = new ArtifactWriter(profile, Directory);
    }

    public string Directory { get; }

    public ArtifactWriter Writer { get; }

    public List<string> Log { get; } = [];

    public void Store(ConfigurationRunReport report) => Writer.Write(Writer.ReportPath(report.ArtifactLabel), report);

    public string? Write(string sessionId = "session-now", string? aaConfiguration = null) => ComparisonReport.TryWrite(Writer, sessionId, Log.Add, aaConfiguration);

    public string WriteMarkdown(RunReportBuilder baseline, RunReportBuilder optimized, string sessionId = "session-now")
    {
        Store(baseline.Build());
        Store(optimized.Build());
        var path = Write(sessionId) ?? throw new InvalidOperationException("no comparison written: " + string.Join("; ", Log));
        return File.ReadAllText(path);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
