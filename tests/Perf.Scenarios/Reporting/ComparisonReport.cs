using Perf.Fixtures;
using Perf.Scenarios.Experiments.Reporting;

namespace Perf.Scenarios.Reporting;

/// <summary>Writes the baseline-vs-optimized Markdown comparison once both sides have a report.</summary>
public static class ComparisonReport
{
    public const string Baseline = "baseline";
    public const string Optimized = "optimized";

    /// <summary>Returns the Markdown path, or null when one side has no report yet.</summary>
    public static string? TryWrite(ArtifactWriter artifacts, string sessionId, Action<string> log) =>
        TryWrite(artifacts, sessionId, log, DateTimeOffset.UtcNow);

    public static string? TryWrite(ArtifactWriter artifacts, string sessionId, Action<string> log, DateTimeOffset generatedAt)
    {
        var baseline = Load(artifacts, Baseline, log);
        var optimized = Load(artifacts, Optimized, log);
        if (baseline is null || optimized is null)
        {
            return null;
        }

        var b = new ComparisonSide(baseline, sessionId);
        var o = new ComparisonSide(optimized, sessionId);
        var path = artifacts.ComparisonPath;
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);

        ChartSet charts;
        try
        {
            charts = ComparisonCharts.Render(b, o, directory, artifacts.ProfileName);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A missing native library (libSkiaSharp) throws here, at first use: the numbers still matter.
            charts = ChartSet.Failed($"Charts failed: {ex.GetType().Name}: {ex.InnerException?.Message ?? ex.Message}");
        }

        foreach (var problem in charts.Problems)
        {
            log($"comparison chart: {problem}");
        }

        var experiments = ExperimentFindings.Load(artifacts.Directory);
        var recommendations = Recommendations.Derive(b, o).Concat(experiments.Recommendations(b.Load.Phases.Max(p => p.TargetRate))).ToList();
        var markdown = ComparisonMarkdown.Render(b, o, charts, recommendations, artifacts, generatedAt, experiments);
        var temp = path + ".tmp";
        File.WriteAllText(temp, markdown);
        File.Move(temp, path, overwrite: true);
        log($"comparison: {b.Name} ({(b.IsThisRun ? "this run" : "stored")}) vs {o.Name} ({(o.IsThisRun ? "this run" : "stored")}), " +
            $"{charts.Charts.Count} chart(s) → {path}");
        return path;
    }

    private static ConfigurationRunReport? Load(ArtifactWriter artifacts, string configuration, Action<string> log)
    {
        var path = artifacts.ReportPath(configuration);
        if (!File.Exists(path))
        {
            log($"comparison not written yet: no {configuration} report at {path} (run the {configuration} perf test of profile '{artifacts.ProfileName}')");
            return null;
        }

        try
        {
            var report = artifacts.Read<ConfigurationRunReport>(path) ?? throw new System.Text.Json.JsonException("the file holds null");
            if (report.SchemaVersion != ConfigurationRunReport.CurrentSchemaVersion)
            {
                log($"comparison not written: the {configuration} report {path} has schema version {report.SchemaVersion}, " +
                    $"this build reads {ConfigurationRunReport.CurrentSchemaVersion} (rerun the {configuration} perf test)");
                return null;
            }

            return report;
        }
        catch (System.Text.Json.JsonException ex)
        {
            log($"comparison not written: the {configuration} report {path} is unreadable ({ex.Message})");
            return null;
        }
    }
}
