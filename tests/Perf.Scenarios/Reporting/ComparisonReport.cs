using Perf.Fixtures;
using Perf.Scenarios.Experiments.Reporting;

namespace Perf.Scenarios.Reporting;

/// <summary>
/// Writes the comparison once both sides have a report: the Markdown, its charts and the headline as JSON. Normally
/// baseline against optimized; in an A/A run (PERF_AA) one configuration against itself, which also writes the noise
/// floor later comparisons of the profile use. With repeats (PERF_REPEATS) every repeat of this session counts.
/// An A/A run whose halves come from two builds (eng/perf-gate-compare.sh: merge-base and head) passes side labels:
/// the halves are named by them, the result is a comparison of builds, so it reads the noise floor instead of writing one.
/// </summary>
public static class ComparisonReport
{
    public const string Baseline = "baseline";
    public const string Optimized = "optimized";

    /// <summary>Returns the Markdown path, or null when one side has no report yet.</summary>
    public static string? TryWrite(ArtifactWriter artifacts, string sessionId, Action<string> log, string? aaConfiguration = null, SideLabels? labels = null) =>
        TryWrite(artifacts, sessionId, log, DateTimeOffset.UtcNow, aaConfiguration, labels);

    public static string? TryWrite(ArtifactWriter artifacts, string sessionId, Action<string> log, DateTimeOffset generatedAt, string? aaConfiguration = null, SideLabels? labels = null)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        if (labels is not null && aaConfiguration is null)
        {
            throw new ArgumentException("side labels name the halves of an A/A run: give the A/A configuration too", nameof(labels));
        }

        var (labelA, labelB) = aaConfiguration is { } aa ? (AaSide(aa, "a"), AaSide(aa, "b")) : (Baseline, Optimized);
        var reportsA = ReportSet.Load(artifacts, labelA, sessionId, log);
        var reportsB = ReportSet.Load(artifacts, labelB, sessionId, log);
        if (reportsA.Count == 0 || reportsB.Count == 0)
        {
            return null;
        }

        var sidesA = reportsA.Select(r => new ComparisonSide(r, sessionId, labels?.A)).ToList();
        var sidesB = reportsB.Select(r => new ComparisonSide(r, sessionId, labels?.B)).ToList();
        var (a, b) = (sidesA[^1], sidesB[^1]);
        var isNoiseMeasurement = aaConfiguration is not null && labels is null;
        var fileStem = aaConfiguration is null ? null : labels is null ? $"aa-{aaConfiguration}" : $"{labels.A}-vs-{labels.B}-{aaConfiguration}";
        var path = fileStem is null
            ? artifacts.ComparisonPath
            : Path.Combine(artifacts.Directory, $"LOAD_TEST_{fileStem.Replace('-', '_').ToUpperInvariant()}_{artifacts.ProfileName.ToUpperInvariant()}.md");
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);

        var noisePath = NoiseFloorPath(artifacts);
        var noise = isNoiseMeasurement ? null : artifacts.Read<NoiseFloor>(noisePath);
        var results = Results(artifacts, sidesA, sidesB, noise, noise is null ? null : $"`{Path.GetRelativePath(artifacts.Directory, noisePath)}`, {noise.Configuration} A/A of {NumberText.Time(noise.MeasuredAt)}, {noise.Runs} run(s) per side");
        var jsonPath = Path.Combine(artifacts.Directory, "comparison-results",
            fileStem is null ? $"comparison-{artifacts.ProfileName}.json" : $"{fileStem}-{artifacts.ProfileName}.json");
        artifacts.Write(jsonPath, results);
        if (aaConfiguration is not null && labels is null)
        {
            artifacts.Write(noisePath, NoiseFloor.From(aaConfiguration, artifacts.ProfileName, sessionId, generatedAt, results.Metrics));
            log($"noise floor of {aaConfiguration} → {noisePath}");
        }

        ChartSet charts;
        try
        {
            charts = ComparisonCharts.Render(a, b, directory, fileStem is null ? artifacts.ProfileName : $"{fileStem}-{artifacts.ProfileName}");
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
        var recommendations = Recommendations.Derive(a, b).Concat(experiments.Recommendations(a.Load.Phases.Max(p => p.TargetRate))).ToList();
        var markdown = ComparisonMarkdown.Render(a, b, charts, recommendations, artifacts, generatedAt, results, experiments);
        var temp = path + ".tmp";
        File.WriteAllText(temp, markdown);
        File.Move(temp, path, overwrite: true);
        log($"comparison: {a.Name} ({(a.IsThisRun ? "this run" : "stored")}, {sidesA.Count} run(s)) vs {b.Name} ({(b.IsThisRun ? "this run" : "stored")}, {sidesB.Count} run(s)), " +
            $"{charts.Charts.Count} chart(s) → {path}; headline → {jsonPath}");
        return path;
    }

    /// <summary>The side label of one half of an A/A run.</summary>
    public static string AaSide(string configuration, string half) => $"{configuration}-aa-{half}";

    public static string NoiseFloorPath(ArtifactWriter artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        return Path.Combine(artifacts.Directory, "comparison-results", $"noise-floor-{artifacts.ProfileName}.json");
    }

    private static ComparisonResults Results(ArtifactWriter artifacts, List<ComparisonSide> a, List<ComparisonSide> b, NoiseFloor? noise, string? noiseSource)
    {
        var repeated = a.Count > 1 || b.Count > 1;
        return new ComparisonResults
        {
            ProfileName = artifacts.ProfileName,
            SideA = a[^1].Name,
            SideB = b[^1].Name,
            RunsA = a.Count,
            RunsB = b.Count,
            Phase = a[^1].SustainedPhase?.Name,
            IntervalNote = repeated
                ? $"Intervals are between-run: one value per run ({a.Count} vs {b.Count} runs), so they include run-to-run variation."
                : "Intervals are within-run: a block bootstrap over the per-second series of the sustained phase of one run per side. " +
                  "They leave out run-to-run variation (a second run of the same configuration can differ by more); repeat with PERF_REPEATS for between-run intervals.",
            NoiseFloorSource = noiseSource,
            Metrics = ComparisonStatistics.Compare(a, b, noise),
        };
    }
}
