using Perf.Fixtures;
using Perf.Model;
using Perf.Reports.Experiments;

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

    /// <summary>Returns the Markdown path, or null when one side has no report yet. <paramref name="dashboardPath"/>: the exported live dashboard to link, if any.</summary>
    public static string? TryWrite(ArtifactWriter artifacts, string sessionId, Action<string> log, string? aaConfiguration = null, SideLabels? labels = null, string? dashboardPath = null) =>
        TryWrite(artifacts, sessionId, log, DateTimeOffset.UtcNow, aaConfiguration, labels, dashboardPath);

    public static string? TryWrite(ArtifactWriter artifacts, string sessionId, Action<string> log, DateTimeOffset generatedAt, string? aaConfiguration = null, SideLabels? labels = null,
        string? dashboardPath = null)
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
        var experiments = ExperimentFindings.Load(artifacts.Directory, Baseline, Optimized);
        var document = ComparisonComposer.Compose(new ComparisonRequest
        {
            SidesA = sidesA,
            SidesB = sidesB,
            ProfileName = artifacts.ProfileName,
            MarkdownDirectory = directory,
            ChartStem = fileStem is null ? artifacts.ProfileName : $"{fileStem}-{artifacts.ProfileName}",
            GeneratedAt = generatedAt,
            Provenance = Provenance(artifacts, (a, reportsA[^1]), (b, reportsB[^1]), dashboardPath is null ? null : Path.GetRelativePath(directory, dashboardPath)),
            NoiseFloor = noise,
            NoiseFloorSource = noise is null ? null : $"`{Path.GetRelativePath(artifacts.Directory, noisePath)}`, {noise.Configuration} A/A of {NumberText.Time(noise.MeasuredAt)}, {noise.Runs} run(s) per side",
            Experiments = experiments.Links(),
            ExtraRecommendations = experiments.Recommendations(a.Load.Phases.Max(p => p.TargetRate)),
        });
        var jsonPath = Path.Combine(artifacts.Directory, "comparison-results",
            fileStem is null ? $"comparison-{artifacts.ProfileName}.json" : $"{fileStem}-{artifacts.ProfileName}.json");
        artifacts.Write(jsonPath, document.Results);
        if (isNoiseMeasurement)
        {
            artifacts.Write(noisePath, NoiseFloor.From(aaConfiguration!, artifacts.ProfileName, sessionId, generatedAt, document.Results.Metrics));
            log($"noise floor of {aaConfiguration} → {noisePath}");
        }

        foreach (var problem in document.Charts.Problems)
        {
            log($"comparison chart: {problem}");
        }

        document.WriteMarkdown(path);
        log($"comparison: {a.Name} ({(a.IsThisRun ? "this run" : "stored")}, {sidesA.Count} run(s)) vs {b.Name} ({(b.IsThisRun ? "this run" : "stored")}, {sidesB.Count} run(s)), " +
            $"{document.Charts.Charts.Count} chart(s) → {path}; headline → {jsonPath}");
        return path;
    }

    /// <summary>The side label of one half of an A/A run.</summary>
    public static string AaSide(string configuration, string half) => $"{configuration}-aa-{half}";

    public static string NoiseFloorPath(ArtifactWriter artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        return Path.Combine(artifacts.Directory, "comparison-results", $"noise-floor-{artifacts.ProfileName}.json");
    }

    /// <summary>Each side's artifact files, relative to the Markdown, and the command that runs both configurations again.</summary>
    private static ReportProvenance Provenance(ArtifactWriter artifacts, (ComparisonSide Side, ConfigurationRunReport Report) baseline,
        (ComparisonSide Side, ConfigurationRunReport Report) optimized, string? dashboard)
    {
        var evidence = new[] { baseline, optimized }.Select(shown =>
        {
            var files = new[] { artifacts.ReportPath(shown.Report.ArtifactLabel) }
                .Concat(new[] { "before", "after", "timeseries" }.Select(label => artifacts.MetricsPath(shown.Report.ArtifactLabel, label)))
                .Select(path => $"`{Path.GetRelativePath(artifacts.Directory, path)}`");
            return $"{shown.Side.Name} ({(shown.Side.IsThisRun ? "this run" : "stored")}): {string.Join(", ", files)}";
        }).ToList();
        if (dashboard is not null)
        {
            evidence.Add($"the live dashboard of this run, both configurations by elapsed time (one HTML file, opens offline): [{dashboard}]({dashboard.Replace(" ", "%20", StringComparison.Ordinal)})");
        }

        var scale = baseline.Report.Load.TimeScale != 1 ? $" PERF_TIME_SCALE={NumberText.F(baseline.Report.Load.TimeScale, "0.###")}" : "";
        return new ReportProvenance(evidence, "Reproduce (README, \"Quick start\"; docs/running.md): both configurations; this report is written once both have run.",
            $"PERF_PROFILE={baseline.Report.ProfileName}{scale} ./eng/test.sh --filter \"Category=baseline|Category=optimized\"");
    }
}
