using System.Text.Json;
using Perf.Engine.Reporting;
using Perf.Fixtures;
using Perf.Model;

namespace Perf.Scenarios.Reporting;

/// <summary>
/// Finds the reports of one comparison side: the repeats of this session (report-&lt;side&gt;-r&lt;n&gt;-&lt;profile&gt;.json)
/// when there are any, else the single report (report-&lt;side&gt;-&lt;profile&gt;.json, from this run or stored), else the
/// repeats of the latest stored session. Unreadable reports and reports of another schema are skipped with a log line.
/// </summary>
internal static class ReportSet
{
    public static IReadOnlyList<ConfigurationRunReport> Load(ArtifactWriter artifacts, string side, string sessionId, Action<string> log)
    {
        var single = artifacts.ReportPath(side);
        var directory = Path.GetDirectoryName(single)!;
        var repeatPattern = Path.GetFileName(artifacts.ReportPath(side + "-r*"));
        var repeats = Directory.Exists(directory)
            ? Directory.GetFiles(directory, repeatPattern).Select(path => Read(path, side, log)).OfType<ConfigurationRunReport>().ToList()
            : [];
        var thisSession = repeats.Where(r => r.SessionId == sessionId).OrderBy(r => r.Repeat).ToList();
        if (thisSession.Count > 0)
        {
            return thisSession;
        }

        if (File.Exists(single))
        {
            return Read(single, side, log) is { } report ? [report] : [];
        }

        if (repeats.Count > 0)
        {
            var latest = repeats.MaxBy(r => r.StartedAt)!.SessionId;
            return repeats.Where(r => r.SessionId == latest).OrderBy(r => r.Repeat).ToList();
        }

        log($"comparison not written yet: no {side} report at {single} (run the {side} perf test of profile '{artifacts.ProfileName}')");
        return [];
    }

    private static ConfigurationRunReport? Read(string path, string side, Action<string> log)
    {
        try
        {
            var report = JsonSerializer.Deserialize<ConfigurationRunReport>(File.ReadAllText(path), RunReportJson.Options)
                         ?? throw new JsonException("the file holds null");
            if (report.SchemaVersion != ConfigurationRunReport.CurrentSchemaVersion)
            {
                log($"comparison not written: the {side} report {path} has schema version {report.SchemaVersion}, " +
                    $"this build reads {ConfigurationRunReport.CurrentSchemaVersion} (rerun the {side} perf test)");
                return null;
            }

            return report;
        }
        catch (JsonException ex)
        {
            log($"comparison not written: the {side} report {path} is unreadable ({ex.Message})");
            return null;
        }
    }
}
