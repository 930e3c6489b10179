using System.Text.Json;
using Perf.Engine.Profiles;
using Perf.Engine.Reporting;
using Perf.Engine.Stats;
using Perf.Engine.Thresholds;

namespace Perf.ArtilleryImport;

/// <summary>
/// Converts the JSON that <c>artillery run -o</c> writes (also merged from distributed runners) into the engine's
/// <see cref="RunReport"/>, so the comparison and the gate work on Artillery's results. What Artillery does not
/// measure the way the engine does is listed in <see cref="RunReport.Limitations"/>, never filled in by guesswork.
/// </summary>
public static class ArtilleryImporter
{
    public const string UnknownTarget = "unknown (Artillery's JSON does not record the target)";

    public static RunReport Load(string path, ArtilleryImportOptions? options = null)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ArtilleryImportException(fullPath, "(file)", "file not found");
        }

        string json;
        try
        {
            json = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArtilleryImportException(fullPath, "(file)", $"cannot be read: {e.Message}");
        }

        return Parse(json, fullPath, options);
    }

    /// <summary>Parses Artillery's JSON text; <paramref name="fileName"/> names the source in errors and in the report.</summary>
    public static RunReport Parse(string json, string fileName, ArtilleryImportOptions? options = null)
    {
        options ??= new ArtilleryImportOptions();
        using var document = ParseJson(json, fileName);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ArtilleryImportException(fileName, "(root)", $"must be an object with 'aggregate' and 'intermediate' (the file `artillery run -o` writes), found {ArtilleryPeriod.Describe(root)}");
        }

        if (!root.TryGetProperty("aggregate", out var aggregateElement))
        {
            throw new ArtilleryImportException(fileName, "aggregate", "missing: the file `artillery run -o` writes has the run's totals there (and 10-s windows in 'intermediate')");
        }

        var aggregate = ArtilleryPeriod.Read(aggregateElement, "aggregate", fileName);
        var windows = Windows(root, fileName);
        var startMs = aggregate.Timestamp("firstMetricAt");
        var endMs = aggregate.Timestamp("lastMetricAt");
        if (endMs < startMs)
        {
            throw aggregate.Error("lastMetricAt", $"is before firstMetricAt ({endMs} < {startMs})");
        }

        var seconds = (endMs - startMs) / 1000;
        var profile = options.Profile;
        var report = new RunReport
        {
            ProfileName = options.ProfileName ?? profile?.Name ?? Path.GetFileNameWithoutExtension(fileName),
            ProfilePath = fileName,
            Label = options.Label,
            Target = options.Target ?? profile?.Target.ToString() ?? UnknownTarget,
            StartedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)startMs),
            EndedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)endMs),
            DurationSeconds = Math.Round(seconds, 3),
            Phases = [],
            Totals = ArtilleryTraffic.Run(aggregate, seconds),
            Scenarios = Scenarios(aggregate, profile),
            Requests = Requests(aggregate, profile, seconds),
            TimeSeries = TimeSeries(windows, startMs, endMs),
        };

        var (evaluable, skipped) = EvaluableThresholds(profile, report);
        return report with
        {
            Thresholds = profile is null ? null : ThresholdEvaluator.Evaluate(evaluable, report),
            Limitations = ArtilleryLimitations.Describe(report, aggregate, windows.Count, profile is not null, skipped),
        };
    }

    private static JsonDocument ParseJson(string json, string fileName)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            // System.Text.Json appends its 0-based position to the message; the exception states the line 1-based instead.
            var problem = e.Message.Split(" LineNumber:", 2)[0].TrimEnd();
            var column = e.BytePositionInLine is { } position ? $" (column {position + 1})" : string.Empty;
            throw new ArtilleryImportException(fileName, "(json)", $"not valid JSON{column}: {problem}", e.LineNumber is { } line ? line + 1 : null);
        }
    }

    private static List<ArtilleryPeriod> Windows(JsonElement root, string fileName)
    {
        if (!root.TryGetProperty("intermediate", out var intermediate) || intermediate.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (intermediate.ValueKind != JsonValueKind.Array)
        {
            throw new ArtilleryImportException(fileName, "intermediate", $"must be an array of 10-s metrics blocks, found {ArtilleryPeriod.Describe(intermediate)}");
        }

        return intermediate.EnumerateArray().Select((element, i) => ArtilleryPeriod.Read(element, $"intermediate[{i}]", fileName))
            .OrderBy(w => w.Timestamp("period"))
            .ToList();
    }

    private static List<ScenarioReport> Scenarios(ArtilleryPeriod aggregate, LoadProfile? profile) => aggregate
        .CountersStartingWith("vusers.created_by_name.")
        .OrderBy(s => s.Name, StringComparer.Ordinal)
        .Select(s => new ScenarioReport(
            s.Name,
            profile?.Scenarios.FirstOrDefault(p => p.Name == s.Name)?.Weight ?? 0,
            s.Value,
            0,
            0,
            new TrafficStats(0, 0, LatencyStats.Empty, new Dictionary<int, long>(), new Dictionary<string, long>(), 0, 0)))
        .ToList();

    private static List<RequestReport> Requests(ArtilleryPeriod aggregate, LoadProfile? profile, double seconds) => ArtilleryTraffic
        .EndpointNames(aggregate)
        .Select(endpoint =>
        {
            var step = profile?.Scenarios.SelectMany(s => s.Requests).FirstOrDefault(r => r.Name == endpoint);
            var stats = ArtilleryTraffic.Endpoint(aggregate, endpoint, seconds);
            return step is null
                ? new RequestReport(endpoint, string.Empty, endpoint, endpoint, stats)
                : new RequestReport(step.Key, step.Method.Method, step.Url, endpoint, stats);
        })
        .ToList();

    private static List<TimeSeriesPoint> TimeSeries(List<ArtilleryPeriod> windows, double startMs, double endMs)
    {
        var points = new List<TimeSeriesPoint>();
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            var from = Math.Max(window.Timestamp("period"), startMs);
            var to = Math.Min(i + 1 < windows.Count ? windows[i + 1].Timestamp("period") : endMs, endMs);
            var seconds = Math.Max(0, to - from) / 1000;
            var traffic = ArtilleryTraffic.Run(window, seconds);
            points.Add(new TimeSeriesPoint(
                Math.Round((to - startMs) / 1000, 3),
                window.Counter("vusers.created"),
                traffic.Requests,
                traffic.Rps,
                traffic.Latency.P50,
                traffic.Latency.P95,
                traffic.Latency.P99,
                traffic.ErrorCount,
                0));
        }

        return points;
    }

    /// <summary>
    /// Run-wide checks always apply; a request check applies when exactly one imported row has that name. Scenario
    /// checks never do: Artillery records no latency per scenario, and an empty scope would pass without evidence.
    /// </summary>
    private static (List<ThresholdSpec> Evaluable, List<string> Skipped) EvaluableThresholds(LoadProfile? profile, RunReport report)
    {
        var evaluable = new List<ThresholdSpec>();
        var skipped = new List<string>();
        foreach (var spec in profile?.Thresholds ?? [])
        {
            var problem = spec.ScopeKind switch
            {
                ThresholdScope.Run => null,
                ThresholdScope.Request when report.Requests.Count(r => r.Name == spec.Scope) == 1 => null,
                ThresholdScope.Request => $"no metrics-by-endpoint figures for request '{spec.Scope}'",
                _ => "Artillery records no latency per scenario",
            };
            if (problem is null)
            {
                evaluable.Add(spec);
            }
            else
            {
                skipped.Add($"{spec.Expression} ({problem})");
            }
        }

        return (evaluable, skipped);
    }
}
