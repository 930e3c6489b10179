using System.CommandLine;
using System.Globalization;
using Perf.Dashboard;
using Perf.Engine;
using Perf.Engine.Profiles;
using Perf.Engine.Reporting;
using Perf.Engine.Running;
using Perf.Engine.Telemetry;
using Spectre.Console;

namespace Perf.Cli;

/// <summary><c>perf run &lt;profile.yml&gt; --target URL [--time-scale X] [--max-in-flight N] [--out report.json] [--dashboard]</c>.</summary>
internal static class RunCommand
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public static Command Create(CliConsole console)
    {
        var profile = new Argument<string>("profile") { Description = "The profile: Artillery YAML in the subset docs/load-engine.md lists." };
        var target = new Option<string>("--target") { Description = "Base URL of the system under test (replaces config.target, like Artillery's --target)." };
        var timeScale = new Option<double>("--time-scale")
        {
            Description = "Multiplies every phase duration (0.1 runs a 240 s profile in 24 s); rates stay.",
            DefaultValueFactory = _ => 1.0,
        };
        var output = new Option<string>("--out") { Description = "Writes the run's report (JSON, the suite's report model) to this file." };
        var label = new Option<string>("--label") { Description = "Free text stored in the report, e.g. baseline or optimized." };
        var interval = new Option<double?>("--progress-interval")
        {
            Description = "Seconds per progress interval: the live view's rates and percentiles cover one (default 1 in a terminal, 5 for plain lines).",
        };
        var maxInFlight = new Option<int?>("--max-in-flight")
        {
            Description = "At most N virtual users in flight at once; arrivals over the cap are dropped and counted, never queued (a phase's maxVusers applies too, the smaller wins).",
        };
        var dashboard = new Option<bool>("--dashboard")
        {
            Description = "Serves a live web dashboard on 127.0.0.1 (updated every second) and writes it as one HTML file at the end (beside --out, or --dashboard-export).",
        };
        var dashboardPort = new Option<int>("--dashboard-port")
        {
            Description = "The dashboard's port on 127.0.0.1 (0: any free port).",
            DefaultValueFactory = _ => LiveDashboard.DefaultPort,
        };
        var dashboardExport = new Option<string>("--dashboard-export") { Description = "Where --dashboard writes its self-contained HTML file (default: beside --out, <out>.dashboard.html)." };
        var command = new Command("run", "Runs a profile in the open model: live view, end-of-test summary with thresholds. Exit code 0 when every threshold holds, 1 on a breach, 2 on bad input.")
        {
            profile, target, timeScale, output, label, interval, maxInFlight, dashboard, dashboardPort, dashboardExport,
        };

        command.SetAction((parsed, cancellationToken) => PerfCommandLine.GuardAsync(console, "run", () => RunAsync(
            console,
            parsed.GetValue(profile)!,
            new ProfileOverrides { Target = parsed.GetValue(target), TimeScale = parsed.GetValue(timeScale) },
            parsed.GetValue(output),
            parsed.GetValue(label),
            parsed.GetValue(interval),
            parsed.GetValue(maxInFlight),
            parsed.GetValue(dashboard) ? new DashboardRequest(parsed.GetValue(dashboardPort), parsed.GetValue(dashboardExport)) : null,
            cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string path, ProfileOverrides overrides, string? output, string? label, double? intervalSeconds, int? maxInFlight,
        DashboardRequest? dashboard, CancellationToken cancellationToken)
    {
        if (dashboard is { Port: < 0 or > 65535 })
        {
            throw new CliInputException(string.Create(CultureInfo.InvariantCulture, $"--dashboard-port {dashboard.Port}: must be between 0 and 65535"));
        }

        if (maxInFlight is < 1)
        {
            throw new CliInputException(string.Create(CultureInfo.InvariantCulture, $"--max-in-flight {maxInFlight}: must be at least 1"));
        }

        if (intervalSeconds is { } seconds && !(double.IsFinite(seconds) && seconds is >= 0.1 and <= 3600))
        {
            throw new CliInputException(string.Create(CultureInfo.InvariantCulture, $"--progress-interval {seconds}: must be between 0.1 and 3600 seconds"));
        }

        var profile = ProfileLoader.Load(path, overrides);
        var outputPath = output is null ? null : OutputFile.Prepare("--out", output);
        var dashboardPath = dashboard switch
        {
            { Export: { } exportPath } => OutputFile.Prepare("--dashboard-export", exportPath),
            not null when outputPath is not null => Path.ChangeExtension(outputPath, ".dashboard.html"),
            _ => null,
        };
        var scale = profile.TimeScale == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (time scale {profile.TimeScale})");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"perf run: {profile.Name} ({profile.SourcePath}) against {profile.Target}, {profile.Phases.Count} phase(s), {profile.TotalDuration.TotalSeconds:0.#} s{scale}"));

        var options = new RunOptions { Label = label, MaxInFlight = maxInFlight };
        await using var web = dashboard is null ? null : await LiveDashboard.StartAsync($"perf run: {profile.Name}", dashboard.Port, cancellationToken).ConfigureAwait(false);
        var dashboardRun = web?.Feed.StartRun(label ?? profile.Name, profile);
        if (web is not null)
        {
            console.Out.WriteLine($"dashboard: {web.Url} (127.0.0.1 only, live while the run goes)");
        }

        var runner = new LoadRunner { Sample = dashboardRun is null ? null : dashboardRun.Observe };

        // Disposed before the summary: the last export carries the run's final counts.
        var export = OtlpMetricsExport.StartFromEnvironment();
        if (export is not null)
        {
            console.Out.WriteLine($"metrics: exported over OTLP to {Environment.GetEnvironmentVariable(OtlpMetricsExport.MetricsEndpointVariable) ?? Environment.GetEnvironmentVariable(OtlpMetricsExport.EndpointVariable)}");
        }

        RunReport report;
        try
        {
            if (console.Live)
            {
                var live = options with { ProgressInterval = Interval(intervalSeconds, LiveInterval) };
                report = await LiveView.RunAsync(console.Out, runner, profile, live, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var plain = options with { ProgressInterval = Interval(intervalSeconds, PlainInterval), Progress = snapshot => console.Out.WriteLine(snapshot.ToString()) };
                report = await runner.RunAsync(profile, plain, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            export?.Dispose();
        }

        if (outputPath is not null)
        {
            RunReportJson.Write(outputPath, report);
        }

        dashboardRun?.Finish(report);
        if (web is not null && dashboardPath is not null)
        {
            console.Out.WriteLine($"dashboard: {web.Export(dashboardPath)} (one HTML file, opens offline)");
        }

        RunSummary.Write(console.Out, report);
        if (outputPath is not null)
        {
            console.Out.WriteLine($"report: {outputPath}");
        }

        return report.Thresholds is { Passed: false } || report.Cancelled ? ExitCodes.Breach : ExitCodes.Success;
    }

    /// <summary>What <c>--dashboard</c> asked for: the port and, optionally, where the export goes.</summary>
    private sealed record DashboardRequest(int Port, string? Export);

    private static TimeSpan Interval(double? seconds, TimeSpan fallback) => seconds is { } value ? TimeSpan.FromSeconds(value) : fallback;
}
