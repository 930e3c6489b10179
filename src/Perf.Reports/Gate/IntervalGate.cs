using System.Text.Json;

namespace Perf.Reports.Gate;

/// <summary>
/// The gate proper: judges a same-runner base-vs-head comparison (comparison-results/base-vs-head-*.json, the headline
/// the comparison report writes) by its 95 % intervals, with <see cref="VerdictRule"/>, and checks the head's job-path SLOs.
/// A metric fails only when its whole interval lies beyond the tolerance on the worse side. The tolerance of a metric is
/// the larger of the gate's tolerance and the metric's own minimum effect (which a measured A/A noise floor raises); on
/// the difference scale (error rate, in points) it is the minimum effect alone, since a percentage of a near-zero rate
/// means nothing.
/// </summary>
public static class IntervalGate
{
    private static readonly string[] RequiredTop = ["profileName", "sideA", "sideB", "runsA", "runsB", "intervalNote", "metrics"];

    private static readonly string[] RequiredMetric =
        ["name", "unit", "direction", "scale", "a", "b", "estimate", "ciLow", "ciHigh", "minEffect", "verdict", "intervalSource"];

    /// <param name="intervalsPath">The base-vs-head comparison.</param>
    /// <param name="headReports">A glob of the head's run reports; by default report-*-aa-b-*&lt;profile&gt;.json beside the comparison.</param>
    /// <param name="noiseFloorPath">The A/A noise floor to state; by default noise-floor-&lt;profile&gt;.json beside the comparison.</param>
    /// <param name="tolerancePercent">The relative change allowed on the ratio scale, in percent.</param>
    public static GateOutcome Run(string intervalsPath, string? headReports, string? noiseFloorPath, double tolerancePercent)
    {
        ArgumentNullException.ThrowIfNull(intervalsPath);
        var comparison = GateJson.ReadObject(intervalsPath, "a comparison with intervals");
        GateJson.Require(comparison, intervalsPath, "", RequiredTop);
        var metrics = Metrics(comparison, intervalsPath);
        var profile = GateJson.Text(comparison.GetProperty("profileName"));
        var folder = Path.GetDirectoryName(Path.GetFullPath(intervalsPath))!;
        var noiseFloor = NoiseFloor(comparison, noiseFloorPath ?? Path.Combine(folder, $"noise-floor-{profile}.json"));
        var judgements = metrics.Select(m => Judge(m, tolerancePercent / 100)).ToList();
        var pattern = headReports ?? Path.Combine(folder, $"report-*-aa-b-*{profile}.json");
        var reports = GateJson.Glob(pattern);
        if (reports.Count == 0)
        {
            throw new GateInputException($"no head reports match '{pattern}' (the job SLOs are checked on them: did the head runs write any?)");
        }

        var checks = new List<JobCheck>();
        var breaches = new List<string>();
        foreach (var path in reports)
        {
            var report = GateJson.ReadObject(path, "a configuration report");
            checks.AddRange(JobChecks(report, path));
            breaches.AddRange(ThresholdBreaches(report, path));
        }

        var result = new IntervalGateResult(comparison, metrics, tolerancePercent, noiseFloor, judgements, checks, reports, breaches);
        return new GateOutcome(IntervalGateMarkdown.Render(result), result.Failed);
    }

    internal static MetricJudgement Judge(GateMetric metric, double toleranceShare)
    {
        var tolerance = metric.Scale == EffectScale.Ratio ? Math.Max(toleranceShare, metric.MinEffect) : metric.MinEffect;
        MetricDirection? direction = metric.Direction switch
        {
            "lowerIsBetter" => MetricDirection.LowerIsBetter,
            "higherIsBetter" => MetricDirection.HigherIsBetter,
            _ => null,
        };
        if (direction is null)
        {
            return new(metric, tolerance, MetricJudgement.NoDirection);
        }

        if (metric.CiLow is not { } low || metric.CiHigh is not { } high)
        {
            return new(metric, tolerance, MetricJudgement.NotEstimated);
        }

        // The interval as written, whatever its source: the gate judges every interval the comparison gives.
        var effect = new EffectEstimate(metric.Scale, metric.Estimate ?? double.NaN, low, high, IntervalSource.BetweenRuns, metric.IntervalSource);
        var minimum = new MinimumEffect(metric.Scale, tolerance);
        var outcome = VerdictRule.Judge(effect, direction.Value, minimum) switch
        {
            Verdict.Worse => MetricJudgement.Regression,
            Verdict.Better => MetricJudgement.Improvement,
            _ => VerdictRule.LiesWithin(effect, minimum) ? MetricJudgement.Within : MetricJudgement.Straddles,
        };
        return new(metric, tolerance, outcome);
    }

    private static List<GateMetric> Metrics(JsonElement comparison, string path)
    {
        var metrics = comparison.GetProperty("metrics");
        if (metrics.ValueKind != JsonValueKind.Array)
        {
            throw new GateInputException($"{path}: field 'metrics' is {GateJson.Describe(metrics)}, expected a list");
        }

        return [.. metrics.EnumerateArray().Select((metric, index) => Metric(metric, path, $"metrics[{index}]"))];
    }

    private static GateMetric Metric(JsonElement metric, string path, string where)
    {
        if (metric.ValueKind != JsonValueKind.Object)
        {
            throw new GateInputException($"{path}: field '{where}' is not an object");
        }

        GateJson.Require(metric, path, where + ".", RequiredMetric);
        double? Nullable(string key) => GateJson.Number(metric.GetProperty(key), path, $"{where}.{key}", nullable: true);
        var (a, b, estimate, low, high) = (Nullable("a"), Nullable("b"), Nullable("estimate"), Nullable("ciLow"), Nullable("ciHigh"));
        var minEffect = GateJson.Number(metric.GetProperty("minEffect"), path, $"{where}.minEffect")!.Value;
        var scale = metric.GetProperty("scale") switch
        {
            { ValueKind: JsonValueKind.String } s when s.GetString() == "ratio" => EffectScale.Ratio,
            { ValueKind: JsonValueKind.String } s when s.GetString() == "difference" => EffectScale.Difference,
            var other => throw new GateInputException($"{path}: field '{where}.scale' is {GateJson.Describe(other)}, expected 'ratio' or 'difference'"),
        };
        string Text(string key) => GateJson.Text(metric.GetProperty(key));
        return new GateMetric(Text("name"), Text("unit"), Text("direction"), scale, a, b, estimate, low, high, minEffect, Text("verdict"), Text("intervalSource"));
    }

    private static string NoiseFloor(JsonElement comparison, string noisePath)
    {
        if (comparison.TryGetProperty("noiseFloorSource", out var source) && source.ValueKind == JsonValueKind.String && source.GetString() is { Length: > 0 } text)
        {
            return $"{text} (it raised the minimum effects where larger)";
        }

        if (!File.Exists(noisePath))
        {
            return "none measured (the minimum effects are the stated ones; PERF_AA=<configuration> eng/run-comparison.sh measures one)";
        }

        var noise = GateJson.ReadObject(noisePath, "an A/A noise floor");
        GateJson.Require(noise, noisePath, "", "configuration", "measuredAt", "runs");
        return $"`{noisePath}` ({GateJson.Text(noise.GetProperty("configuration"))} A/A of {GateJson.Text(noise.GetProperty("measuredAt"))}, " +
               $"{GateJson.Text(noise.GetProperty("runs"))} run(s) per side), present but not used by this comparison";
    }

    private static IEnumerable<JobCheck> JobChecks(JsonElement report, string path)
    {
        GateJson.Require(report, path, "", "jobChecks");
        var enforced = !report.TryGetProperty("jobSloEnforced", out var flag) || flag.ValueKind != JsonValueKind.False;
        var checks = new List<JobCheck>();
        foreach (var (check, index) in report.GetProperty("jobChecks").EnumerateArray().Select((c, i) => (c, i)))
        {
            var where = $"jobChecks[{index}].";
            GateJson.Require(check, path, where, "name", "measured", "allowed", "unit", "passed");
            var passed = check.GetProperty("passed");
            if (passed.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new GateInputException($"{path}: field '{where}passed' is {GateJson.Describe(passed)}, expected true or false");
            }

            checks.Add(new JobCheck(Path.GetFileName(path), GateJson.Text(check.GetProperty("name")),
                GateJson.Number(check.GetProperty("measured"), path, where + "measured", nullable: true),
                GateJson.Number(check.GetProperty("allowed"), path, where + "allowed")!.Value,
                GateJson.Text(check.GetProperty("unit")), passed.GetBoolean(), enforced));
        }

        return checks;
    }

    /// <summary>The report's breaches other than job SLOs (those are judged from jobChecks).</summary>
    private static IEnumerable<string> ThresholdBreaches(JsonElement report, string path)
    {
        if (!report.TryGetProperty("breaches", out var breaches))
        {
            return [];
        }

        if (breaches.ValueKind != JsonValueKind.Array || breaches.EnumerateArray().Any(b => b.ValueKind != JsonValueKind.String))
        {
            throw new GateInputException($"{path}: field 'breaches' is {breaches.GetRawText()}, expected a list of strings");
        }

        var jobNames = report.TryGetProperty("jobChecks", out var checks) && checks.ValueKind == JsonValueKind.Array
            ? checks.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("name", out _)).Select(c => GateJson.Text(c.GetProperty("name"))).ToList()
            : [];
        return breaches.EnumerateArray().Select(b => b.GetString()!)
            .Where(b => !jobNames.Any(name => b.StartsWith(name + ":", StringComparison.Ordinal)))
            .Select(b => $"{Path.GetFileName(path)}: {b}")
            .ToList();
    }
}
