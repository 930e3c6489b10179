using System.Text;
using System.Text.Json;

namespace Perf.Reports.Gate;

/// <summary>
/// The gate's fallback, for when the base cannot be built: compares this run's single-run configuration reports with
/// main's stored ones (made on another runner) at a fixed relative tolerance, without intervals.
/// </summary>
public static class StoredReportGate
{
    /// <summary>The figures compared; an error rate below its floor is noise, never a regression (an error rate that stays near zero).</summary>
    private static readonly StoredMetric[] Metrics =
    [
        new("p95 latency ms", ["load", "totals", "latency", "p95"], HigherIsWorse: true),
        new("p99 latency ms", ["load", "totals", "latency", "p99"], HigherIsWorse: true),
        new("throughput req/s", ["load", "totals", "rps"], HigherIsWorse: false),
        new("error rate %", ["load", "totals", "errorRatePercent"], HigherIsWorse: true, NoiseFloor: 0.5),
    ];

    /// <param name="referenceDirectory">Main's reports, searched recursively for a report of the same name.</param>
    /// <param name="currentDirectory">This run's artifacts: its comparison-results/report-*.json are judged.</param>
    /// <param name="tolerancePercent">The relative change allowed, in percent.</param>
    public static GateOutcome Run(string referenceDirectory, string currentDirectory, double tolerancePercent)
    {
        ArgumentNullException.ThrowIfNull(referenceDirectory);
        ArgumentNullException.ThrowIfNull(currentDirectory);
        if (!Directory.Exists(currentDirectory))
        {
            throw new GateInputException($"current artifacts directory '{currentDirectory}' does not exist");
        }

        var results = Path.Combine(currentDirectory, "comparison-results");
        var currentPaths = GateJson.Glob(Path.Combine(results, "report-*.json"));
        if (currentPaths.Count == 0)
        {
            throw new GateInputException($"no configuration reports under '{results}' (expected report-<configuration>-<profile>.json: did the perf run write any?)");
        }

        var comparisons = new List<StoredComparison>();
        var withoutReference = new List<string>();
        foreach (var currentPath in currentPaths)
        {
            var current = Load(currentPath);
            var name = Path.GetFileName(currentPath);
            if (Reference(referenceDirectory, name) is not { } referencePath)
            {
                withoutReference.Add(name);
                continue;
            }

            var reference = Load(referencePath);
            var configuration = current.GetProperty("configuration").GetString()!;
            comparisons.AddRange(Metrics.Select(metric =>
                Compare(configuration, metric, Value(reference, metric, referencePath), Value(current, metric, currentPath), tolerancePercent)));
        }

        return new GateOutcome(Render(tolerancePercent, comparisons, withoutReference), comparisons.Any(c => c.Regression));
    }

    private static JsonElement Load(string path)
    {
        var report = GateJson.ReadObject(path, "a configuration report");
        return report.TryGetProperty("configuration", out var configuration) && configuration.ValueKind == JsonValueKind.String
            ? report
            : throw new GateInputException($"{path}: field 'configuration' is missing or not a string");
    }

    private static string? Reference(string directory, string name) => Directory.Exists(directory)
        ? Directory.GetFiles(directory, name, SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault()
        : null;

    private static double Value(JsonElement report, StoredMetric metric, string path)
    {
        var node = report;
        for (var depth = 0; depth < metric.Path.Length; depth++)
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(metric.Path[depth], out node))
            {
                throw new GateInputException($"{path}: field '{string.Join('.', metric.Path.Take(depth + 1))}' is missing (needed for '{metric.Label}')");
            }
        }

        return GateJson.Number(node, path, string.Join('.', metric.Path))!.Value;
    }

    private static StoredComparison Compare(string configuration, StoredMetric metric, double reference, double current, double tolerancePercent)
    {
        double? change = reference == 0 ? null : (current - reference) / Math.Abs(reference) * 100;
        bool regression;
        if (metric.NoiseFloor is { } floor && current < floor)
        {
            regression = false;
        }
        else if (change is not { } percent)
        {
            // Any rise from 0 is an unbounded relative change; a fall below 0 cannot happen for these metrics.
            regression = metric.HigherIsWorse ? current > 0 : current < 0;
        }
        else
        {
            regression = metric.HigherIsWorse ? percent > tolerancePercent : percent < -tolerancePercent;
        }

        return new StoredComparison(configuration, metric, reference, current, change, regression);
    }

    private static string Render(double tolerancePercent, List<StoredComparison> comparisons, List<string> withoutReference)
    {
        var lines = new List<string>
        {
            $"## Perf gate (tolerance {GateText.Significant(tolerancePercent)} % against main)", "",
            "| configuration | metric | main | this PR | change |", "|---|---|---|---|---|",
        };
        lines.AddRange(comparisons.Select(c =>
            $"| {c.Configuration} | {c.Metric.Label} | {GateText.Fixed(c.Reference, 2)} | {GateText.Fixed(c.Current, 2)} | {c.ChangeText} {(c.Regression ? "REGRESSION" : "ok")} |"));
        lines.AddRange(withoutReference.Select(name => $"| {name} | (no reference from main) | | | |"));
        if (comparisons.Count == 0)
        {
            lines.AddRange(["", "No reference reports from main: only the absolute thresholds were checked."]);
        }

        var regressions = comparisons.Where(c => c.Regression).ToList();
        if (regressions.Count > 0)
        {
            lines.AddRange(["", "**Regressions:**"]);
            lines.AddRange(regressions.Select(c =>
                $"- {c.Configuration} {c.Metric.Label}: {GateText.Fixed(c.Reference, 2)} -> {GateText.Fixed(c.Current, 2)} ({c.ChangeText})"));
        }

        return new StringBuilder().AppendJoin('\n', lines).Append('\n').ToString();
    }

    private sealed record StoredMetric(string Label, string[] Path, bool HigherIsWorse, double? NoiseFloor = null);

    private sealed record StoredComparison(string Configuration, StoredMetric Metric, double Reference, double Current, double? ChangePercent, bool Regression)
    {
        public string ChangeText => ChangePercent is { } change
            ? GateText.SignedFixed(change, 1) + " %"
            : Current == Reference ? "no change" : $"from 0 to {GateText.Fixed(Current, 2)}";
    }
}
