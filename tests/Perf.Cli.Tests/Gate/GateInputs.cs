using System.Text.Json.Nodes;

namespace Perf.Cli.Tests.Gate;

/// <summary>Synthetic inputs of <c>perf gate</c> with known verdicts: base-vs-head comparisons, head reports, configuration reports.</summary>
internal static class GateInputs
{
    public static JsonObject Metric(string name = "sustained HTTP p95", double low = 0.95, double high = 1.05, double? estimate = null,
        string verdict = "noDetectableDifference", string direction = "lowerIsBetter", string scale = "ratio", double minEffect = 0.10, string unit = "ms")
    {
        var value = estimate ?? (low + high) / 2;
        return new JsonObject
        {
            ["name"] = name, ["unit"] = unit, ["direction"] = direction, ["scale"] = scale, ["window"] = "sustained phase",
            ["a"] = 100.0, ["b"] = 100.0 * value, ["estimate"] = value, ["ciLow"] = low, ["ciHigh"] = high, ["minEffect"] = minEffect,
            ["minEffectSource"] = "stated", ["verdict"] = verdict, ["intervalSource"] = "betweenRuns", ["method"] = "synthetic", ["runsA"] = 3, ["runsB"] = 3,
        };
    }

    public static JsonObject Comparison(string? noiseSource, params JsonObject[] metrics) => new()
    {
        ["schemaVersion"] = 1, ["profileName"] = "smoke", ["sideA"] = "base", ["sideB"] = "head", ["runsA"] = 3, ["runsB"] = 3,
        ["phase"] = "sustained", ["intervalNote"] = "Intervals are between-run.", ["noiseFloorSource"] = noiseSource,
        ["metrics"] = new JsonArray([.. (metrics.Length == 0 ? [Metric()] : metrics)]),
    };

    public static JsonObject Comparison(params JsonObject[] metrics) => Comparison(null, metrics);

    public static JsonObject HeadReport(bool passed = true, bool enforced = true) => new()
    {
        ["configuration"] = "optimized", ["side"] = "optimized-aa-b", ["jobSloEnforced"] = enforced,
        ["jobChecks"] = new JsonArray(
            new JsonObject { ["name"] = "job end-to-end p95", ["measured"] = passed ? 40.0 : 2600.0, ["allowed"] = 2000.0, ["unit"] = "ms", ["passed"] = passed },
            new JsonObject { ["name"] = "drain time", ["measured"] = 1.5, ["allowed"] = 30.0, ["unit"] = "s", ["passed"] = true }),
    };

    /// <summary>A configuration report with the figures the fallback compares.</summary>
    public static JsonObject Report(string configuration = "baseline", double p95 = 10, double p99 = 20, JsonNode? rps = null, double errorRate = 0) => new()
    {
        ["configuration"] = configuration,
        ["load"] = new JsonObject
        {
            ["totals"] = new JsonObject
            {
                ["rps"] = rps ?? JsonValue.Create(100.0), ["errorRatePercent"] = errorRate,
                ["latency"] = new JsonObject { ["p95"] = p95, ["p99"] = p99 },
            },
        },
    };
}
