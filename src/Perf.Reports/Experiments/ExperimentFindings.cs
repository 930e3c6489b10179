using System.Text.Json;
using Perf.Engine.Reporting;
using Perf.Reports.Comparison;
using Perf.Reports.Experiments.Attribution;
using Perf.Reports.Experiments.Capacity;

namespace Perf.Reports.Experiments;

/// <summary>
/// The latest full experiment results under artifacts/perf/experiments/ (never the tiny ones), as the comparison report
/// cites them: the capacity of each configuration and the attribution's clear effects. <see cref="Capacities"/> holds the
/// reference configuration first; sentences name the compared one first.
/// </summary>
public sealed record ExperimentFindings(string Directory, IReadOnlyDictionary<string, CapacityReport> Capacities, AttributionResult? Attribution,
    IReadOnlyList<string> Problems)
{
    /// <summary>Reads the capacity searches of <paramref name="reference"/> and <paramref name="compared"/> and the latest attribution, each where it exists.</summary>
    public static ExperimentFindings Load(string artifactsDirectory, string reference, string compared)
    {
        var directory = ExperimentFiles.Directory(artifactsDirectory, tiny: false);
        var problems = new List<string>();
        var capacities = new Dictionary<string, CapacityReport>(StringComparer.Ordinal);
        foreach (var configuration in new[] { reference, compared })
        {
            if (Read<CapacityReport>(ExperimentFiles.CapacityJson(directory, configuration), problems) is { } report)
            {
                capacities[configuration] = report;
            }
        }

        var attribution = System.IO.Directory.Exists(directory)
            ? System.IO.Directory.GetFiles(directory, ExperimentFiles.AttributionJsonPattern).OrderByDescending(File.GetLastWriteTimeUtc)
                .Select(path => Read<AttributionEnvelope>(path, problems)?.Result).FirstOrDefault(r => r is not null)
            : null;
        return new ExperimentFindings(directory, capacities, attribution, problems);
    }

    public bool IsEmpty => Capacities.Count == 0 && Attribution is null;

    /// <summary>What the comparison report links and cites of these findings.</summary>
    public ExperimentLinks Links() => new(Directory, CapacitySentence(),
        Capacities.Select(c => new CapacityLink(c.Key, c.Value.Context.StartedAt)).ToList(),
        Attribution is { } attribution ? new AttributionLink(attribution.Design.Name, attribution.ProfileName) : null, Problems);

    /// <summary>"optimized sustains X/s, baseline Y/s", or what is known instead.</summary>
    public string? CapacitySentence()
    {
        if (Capacities.Count == 0)
        {
            return null;
        }

        var parts = Capacities.Keys.Reverse().Select(name =>
        {
            var r = Capacities[name].Result;
            return r.IsCapacity
                ? $"{name} sustains {NumberText.F(r.MaxSustainableRate, "0.#")}/s"
                : $"{name} sustains at least {NumberText.F(r.MaxSustainableRate, "0.#")}/s ({r.Outcome})";
        });
        return string.Join(", ", parts);
    }

    /// <summary>Rules that cite the experiments instead of guessing a cause.</summary>
    public IReadOnlyList<Recommendation> Recommendations(double profilePeakRate)
    {
        var found = new List<Recommendation>();
        if (CapacitySentence() is { } sentence)
        {
            var evidence = string.Join("; ", Capacities.Select(c => $"{c.Key}: {CapacityMarkdown.Headline(c.Value).Replace("**", "", StringComparison.Ordinal)}" +
                (c.Value.Result.FirstBroken is { } b ? $" First to break at {NumberText.F(b.TargetRate, "0.#")}/s: {string.Join("; ", b.Breaches.Select(x => x.Message))}." : "")));
            var headroom = string.Join(", ", Capacities.Where(c => c.Value.Result.MaxSustainableRate is > 0).Select(c =>
                $"{c.Key} {NumberText.F(c.Value.Result.MaxSustainableRate!.Value / profilePeakRate, "0.00")}×"));
            found.Add(new Recommendation("capacity", $"Capacity search: {sentence}", evidence,
                $"against this profile's peak of {NumberText.F(profilePeakRate, "0")} arrivals/s the headroom is {headroom}; size for the capacity, " +
                "not for \"passes at the profile's rate\" (see experiments/CAPACITY_<config>.md)"));
        }

        if (Attribution is { } attribution)
        {
            var clear = attribution.Effects.Where(e => e.Verdict is Verdict.Better or Verdict.Worse).ToList();
            if (clear.Count > 0)
            {
                var evidence = string.Join("; ", clear.Select(e =>
                    $"{e.Effect} → {e.Metric} {NumberText.F(e.Interval.Estimate, "0.##")} {e.Unit} [{NumberText.F(e.Interval.Low, "0.##")}, {NumberText.F(e.Interval.High, "0.##")}] ({e.VerdictText})"));
                var hurtsP99 = clear.Where(e => e.Metric.StartsWith("HTTP p99", StringComparison.Ordinal) && e.Verdict == Verdict.Worse).MaxBy(e => e.Interval.Estimate);
                var advice = hurtsP99 is null
                    ? "no knob had a clear cost on HTTP p99 in the attribution; keep the knobs that help"
                    : $"the HTTP p99 cost comes from {hurtsP99.Effect} (+{NumberText.F(hurtsP99.Interval.Estimate, "0.#")} ms); keep it only where what it buys (see its other effects) is worth that";
                found.Add(new Recommendation("attribution", $"Attribution ({attribution.Design.Name}, profile {attribution.ProfileName}): which knob did what",
                    evidence + ". Intervals are within-run only", advice));
            }
        }

        return found;
    }

    private static T? Read<T>(string path, List<string> problems)
        where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), RunReportJson.Options) : null;
        }
        catch (JsonException ex)
        {
            problems.Add($"{Path.GetFileName(path)} is unreadable ({ex.Message}).");
            return null;
        }
    }

    /// <summary>The attribution JSON holds the result beside its context.</summary>
    private sealed record AttributionEnvelope(AttributionResult? Result);
}
