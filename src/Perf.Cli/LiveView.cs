using System.Globalization;
using Perf.Engine;
using Perf.Engine.Profiles;
using Perf.Engine.Reporting;
using Perf.Engine.Running;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Perf.Cli;

/// <summary>
/// The terminal's live view of a run: redrawn a few times a second from the engine's latest progress snapshot, whose
/// rates and percentiles cover the last progress interval, so a ramp on schedule shows target and achieved equal.
/// </summary>
internal static class LiveView
{
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(250);

    public static async Task<RunReport> RunAsync(IAnsiConsole console, LoadRunner runner, LoadProfile profile, RunOptions options, CancellationToken cancellationToken)
    {
        var latest = new LatestSnapshot();
        var observed = options with { Progress = latest.Set };
        RunReport? report = null;
        await console.Live(Render(profile, null, options.ProgressInterval))
            .AutoClear(false)
            .StartAsync(async context =>
            {
                var running = runner.RunAsync(profile, observed, cancellationToken);
                while (!running.IsCompleted)
                {
                    await Task.WhenAny(running, Task.Delay(Redraw, CancellationToken.None)).ConfigureAwait(false);
                    context.UpdateTarget(Render(profile, latest.Value, options.ProgressInterval));
                }

                report = await running.ConfigureAwait(false);
            })
            .ConfigureAwait(false);
        return report!;
    }

    private static IRenderable Render(LoadProfile profile, ProgressSnapshot? snapshot, TimeSpan interval)
    {
        var inv = CultureInfo.InvariantCulture;
        var last = string.Create(inv, $"last {interval.TotalSeconds:0.#} s");
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("what").AddColumn("value");
        if (snapshot is null)
        {
            table.AddRow("phase", "starting…");
            return table.Title(Markup.Escape($"{profile.Name} → {profile.Target}"));
        }

        var phase = string.Create(inv, $"{snapshot.PhaseName} ({snapshot.PhaseIndex + 1}/{profile.Phases.Count})");
        var behind = snapshot.Concurrency is null && snapshot.AchievedRate < snapshot.IntervalTargetRate * 0.95;
        var rate = snapshot.Concurrency is null ? string.Create(inv, $"target {snapshot.IntervalTargetRate:0.#}/s, achieved {snapshot.AchievedRate:0.#}/s") : snapshot.RateText;
        table.AddRow("phase", Markup.Escape(phase));
        table.AddRow(new Text($"rate ({last})"), new Markup(behind ? $"[yellow]{rate}[/]" : rate));
        table.AddRow("in flight", snapshot.InFlight.ToString("N0", inv));
        table.AddRow($"latency ({last})", string.Create(inv, $"p50 {snapshot.IntervalP50Ms:0.##} ms · p95 {snapshot.IntervalP95Ms:0.##} ms · p99 {snapshot.IntervalP99Ms:0.##} ms"));
        table.AddRow("requests", snapshot.Requests.ToString("N0", inv));
        var errors = string.Create(inv, $"{snapshot.Errors:N0} (+{snapshot.IntervalErrors:N0} in the {last})");
        table.AddRow(new Text("errors"), new Markup(snapshot.IntervalErrors > 0 ? $"[red]{errors}[/]" : errors));
        table.AddRow("late arrivals", snapshot.LateArrivals.ToString("N0", inv));
        if (snapshot.DroppedArrivals > 0)
        {
            table.AddRow(new Text("dropped arrivals"), new Markup($"[yellow]{snapshot.DroppedArrivals.ToString("N0", inv)} (in-flight cap)[/]"));
        }

        var progress = string.Create(inv, $"{snapshot.Elapsed.TotalSeconds:0} s / {snapshot.Total.TotalSeconds:0} s");
        return table.Title(Markup.Escape($"{profile.Name} → {profile.Target} · {progress}"));
    }

    /// <summary>The newest snapshot, written by the engine's sampler thread and read by the redraw loop.</summary>
    private sealed class LatestSnapshot
    {
        private ProgressSnapshot? _value;

        public ProgressSnapshot? Value => Volatile.Read(ref _value);

        public void Set(ProgressSnapshot snapshot) => Volatile.Write(ref _value, snapshot);
    }
}
