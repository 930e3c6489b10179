using System.Globalization;
using Perf.Engine.Reporting;
using Perf.Engine.Stats;
using Spectre.Console;

namespace Perf.Cli;

/// <summary>The end-of-test summary, after k6's: thresholds first (✓/✗ with the measured value), then the run's figures.</summary>
internal static class RunSummary
{
    private const int LabelWidth = 28;

    public static void Write(IAnsiConsole console, RunReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        console.WriteLine();
        if (report.Cancelled)
        {
            console.MarkupLine($"[yellow]cancelled[/] after {report.DurationSeconds.ToString("0.#", inv)} s: the figures cover the part that ran ({report.CancelledRequests} request(s) aborted)");
        }

        WriteThresholds(console, report);
        if (report.AbandonedSteps > 0)
        {
            console.MarkupLine($"[yellow]{report.AbandonedSteps.ToString("N0", inv)} custom step(s) ignored their cancellation token[/] and were abandoned at their timeout (counted as errors 'timeout')");
        }

        var totals = report.Totals;
        var latency = totals.Latency;
        Line(console, "http_reqs", string.Create(inv, $"{totals.Requests:N0}  {totals.Rps:0.#}/s over {report.DurationSeconds:0.#} s"));
        Line(console, "http_req_duration", latency.Max == 0 ? "no latency recorded (no responses)" : string.Create(inv,
            $"min={latency.Min:0.##}ms p50={latency.P50:0.##}ms p90={latency.P90:0.##}ms p95={latency.P95:0.##}ms p99={latency.P99:0.##}ms p99.9={latency.P999:0.##}ms max={latency.Max:0.##}ms mean={latency.Mean:0.##}ms"));
        var errorKinds = totals.Errors.Count == 0 ? string.Empty : " (" + string.Join(", ", totals.Errors.Select(e => string.Create(inv, $"{e.Key} {e.Value:N0}"))) + ")";
        Line(console, "http_req_failed", string.Create(inv, $"{totals.ErrorRatePercent:0.##}%  {totals.ErrorCount:N0} of {totals.Requests:N0}{errorKinds}"));
        Line(console, "status codes", totals.StatusCodes.Count == 0 ? "none" : string.Join(", ", totals.StatusCodes.Select(s => string.Create(inv, $"{s.Key} × {s.Value:N0}"))));
        var created = report.Scenarios.Sum(s => s.VusersCreated);
        var ended = report.Scenarios.Sum(s => s.VusersCompleted + s.VusersFailed);

        // An imported report knows only the virtual users created per scenario; "0 completed" would be a claim.
        Line(console, "vusers", ended == 0 && created > 0
            ? string.Create(inv, $"{created:N0} created")
            : string.Create(inv, $"{created:N0} created, {report.Scenarios.Sum(s => s.VusersCompleted):N0} completed, {report.Scenarios.Sum(s => s.VusersFailed):N0} failed"));
        foreach (var phase in report.Phases)
        {
            Line(console, $"phase {phase.Name}", string.Create(inv,
                $"target {Rate(phase)}, achieved {phase.AchievedRate:0.#}/s; {phase.StartedArrivals:N0} of {phase.TargetArrivals:N0} arrivals, {phase.LateArrivals:N0} late (lateness p99 {phase.LatenessP99Ms:0.##} ms){Dropped(phase)}"));
        }

        if (report.Requests.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumns("request", "count", "p50 ms", "p95 ms", "p99 ms", "errors");
            foreach (var request in report.Requests)
            {
                var stats = request.Stats;
                table.AddRow(
                    new Text(request.Key),
                    new Text(stats.Requests.ToString("N0", inv)),
                    new Text(stats.Latency.P50.ToString("0.##", inv)),
                    new Text(stats.Latency.P95.ToString("0.##", inv)),
                    new Text(stats.Latency.P99.ToString("0.##", inv)),
                    new Text(stats.ErrorCount.ToString("N0", inv)));
            }

            console.Write(table);
        }

        foreach (var limitation in report.Limitations)
        {
            console.WriteLine($"note: {limitation}");
        }
    }

    private static void WriteThresholds(IAnsiConsole console, RunReport report)
    {
        if (report.Thresholds is not { } thresholds)
        {
            console.WriteLine("thresholds: not evaluated");
            return;
        }

        if (thresholds.Checks.Count == 0)
        {
            console.WriteLine("thresholds: the profile sets none");
        }

        foreach (var check in thresholds.Checks)
        {
            var comparison = check.Unit == "%" ? "<=" : "<";
            var text = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{check.Expression} [{check.Scope}]: {check.Measured:0.###} {check.Unit} (allowed {comparison} {check.Allowed:0.###} {check.Unit})"));
            console.MarkupLine(check.Passed ? $"  [green]✓[/] {text}" : $"  [red]✗[/] {text}");
        }

        console.MarkupLine(thresholds.Passed
            ? $"[green]{Markup.Escape(thresholds.ToString())}[/]"
            : $"[red]{Markup.Escape(thresholds.ToString())}[/]");
        console.WriteLine();
    }

    private static void Line(IAnsiConsole console, string label, string value) =>
        console.WriteLine($"  {(label + " ").PadRight(LabelWidth, '.')}: {value}");

    private static string Dropped(PhaseReport phase) => phase.MaxInFlight is { } cap
        ? string.Create(CultureInfo.InvariantCulture, $", {phase.DroppedArrivals:N0} dropped at the in-flight cap of {cap:N0}")
        : string.Empty;

    private static string Rate(PhaseReport phase) => phase.TargetStartRate == phase.TargetEndRate
        ? phase.TargetRate.ToString("0.#/s", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{phase.TargetStartRate:0.#}→{phase.TargetEndRate:0.#}/s");
}
