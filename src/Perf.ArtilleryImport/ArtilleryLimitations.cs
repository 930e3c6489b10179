using System.Globalization;
using Perf.Engine.Reporting;

namespace Perf.ArtilleryImport;

/// <summary>The fidelity an imported Artillery report loses against the engine's own, in the words the report carries.</summary>
internal static class ArtilleryLimitations
{
    public static IReadOnlyList<string> Describe(RunReport report, ArtilleryPeriod aggregate, int windows, bool hadProfile, IReadOnlyList<string> skippedThresholds)
    {
        var inv = CultureInfo.InvariantCulture;
        var limitations = new List<string>
        {
            "Imported from Artillery's JSON (artillery run -o). Latency is Artillery's http.response_time: from sending a request " +
            "to the first byte of its response. It leaves out connection set-up, the body download and any wait before the send, " +
            "and is not measured from an intended start (no correction for coordinated omission), so it reads lower than the " +
            "engine's latency for the same system.",
            "Whole-millisecond resolution: Artillery times requests in whole milliseconds and keeps percentiles in a sketch with " +
            "1 % relative accuracy, written to 0.1 ms; sub-millisecond differences cannot be seen.",
            windows > 0
                ? string.Create(inv, $"Percentiles per 10-second window: the time series has one point per Artillery window ({windows} windows), not per second, and each window's p50/p95/p99 are Artillery's own; the run's percentiles are Artillery's aggregate.")
                : "No time series: the JSON has no 10-second windows ('intermediate' is empty or missing).",
            "No intended-start timing and no phases: Artillery's JSON has no per-phase arrivals, so target versus achieved arrival " +
            "rate, late arrivals and lateness are unknown, and in-flight requests are not recorded (0 in the time series).",
            string.Create(inv, $"Scenarios: only virtual users created per scenario; completed ({aggregate.Counter("vusers.completed")}) and failed ({aggregate.Counter("vusers.failed")}) are known for the run as a whole, requests and latency not per scenario."),
            "Errors are transport errors (errors.*) plus every 4xx/5xx response, as failed requests over requests (the engine's " +
            "definition; Artillery's maxErrorRate is failed over created virtual users); expect-plugin failures on other statuses are not counted.",
            "A JSON merged from several runners (artillery run-fargate --count N) holds their summed counts and merged sketches; it does not say how many runners there were.",
        };

        if (report.Requests.Count == 0)
        {
            limitations.Add("No per-request rows: the run did not use Artillery's metrics-by-endpoint plugin.");
        }

        if (!hadProfile)
        {
            limitations.Add("Thresholds not evaluated: pass the profile Artillery ran (--profile) to check its ensure thresholds against these figures.");
        }

        limitations.AddRange(skippedThresholds.Select(s => $"Threshold not evaluated: {s}."));
        return limitations;
    }
}
