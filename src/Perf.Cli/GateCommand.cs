using System.CommandLine;
using System.Globalization;
using Perf.Reports.Gate;

namespace Perf.Cli;

/// <summary>
/// <c>perf gate --intervals base-vs-head.json [--head-reports GLOB] [--noise-floor FILE] [--tolerance PERCENT]</c>: the
/// pull-request gate's judgement of a same-runner base-vs-head comparison (eng/perf-gate-compare.sh), or with two folders,
/// <c>perf gate &lt;reference-dir&gt; &lt;current-artifacts-dir&gt;</c>, its fallback against main's stored reports. Prints
/// Markdown for $GITHUB_STEP_SUMMARY.
/// </summary>
internal static class GateCommand
{
    public const double DefaultTolerancePercent = 25;

    public static Command Create(CliConsole console)
    {
        var reference = new Argument<string?>("reference-dir") { Description = "Fallback mode: main's reports (searched recursively for report-*.json).", Arity = ArgumentArity.ZeroOrOne };
        var current = new Argument<string?>("current-artifacts-dir") { Description = "Fallback mode: this run's artifacts (reads comparison-results/report-*.json).", Arity = ArgumentArity.ZeroOrOne };
        var intervals = new Option<string>("--intervals") { Description = "Intervals mode (the gate proper): the base-vs-head comparison written by eng/perf-gate-compare.sh." };
        var headReports = new Option<string>("--head-reports") { Description = "Intervals mode: the head's run reports whose job SLOs are checked (default: report-*-aa-b-*<profile>.json beside the comparison)." };
        var noiseFloor = new Option<string>("--noise-floor") { Description = "Intervals mode: the A/A noise floor to state (default: noise-floor-<profile>.json beside the comparison)." };
        var tolerance = new Option<string>("--tolerance") { Description = "Relative regression allowed, in percent (default 25); intervals mode uses the larger of this and each metric's minimum effect." };
        var command = new Command("gate", "The pull-request perf gate: a metric fails only when its whole 95 % interval lies beyond the tolerance on the worse side, and an enforced job SLO of the head that failed fails it too. Prints Markdown for $GITHUB_STEP_SUMMARY. Exit code 0 no regression, 1 at least one regression, 2 bad input (the message names the file and field).")
        {
            reference, current, intervals, headReports, noiseFloor, tolerance,
        };

        command.SetAction((parsed, _) => PerfCommandLine.GuardAsync(console, "gate", () => Task.FromResult(Gate(
            console,
            parsed.GetValue(reference),
            parsed.GetValue(current),
            parsed.GetValue(intervals),
            parsed.GetValue(headReports),
            parsed.GetValue(noiseFloor),
            parsed.GetValue(tolerance)))));
        return command;
    }

    private static int Gate(CliConsole console, string? reference, string? current, string? intervals, string? headReports, string? noiseFloor, string? toleranceText)
    {
        var tolerance = Tolerance(toleranceText);
        if (intervals is null && (reference is null || current is null))
        {
            throw new CliInputException("give --intervals JSON (same-runner comparison) or <reference-dir> <current-artifacts-dir> (fallback)");
        }

        if (intervals is not null && reference is not null)
        {
            throw new CliInputException("--intervals takes no reference or current directory: pick one mode");
        }

        GateOutcome outcome;
        try
        {
            outcome = intervals is not null
                ? IntervalGate.Run(intervals, headReports, noiseFloor, tolerance)
                : StoredReportGate.Run(reference!, current!, tolerance);
        }
        catch (GateInputException e)
        {
            console.Error.WriteLine($"perf gate: bad input: {e.Message}");
            return ExitCodes.BadInput;
        }

        console.PlainOut.Write(outcome.Markdown);
        return outcome.Failed ? ExitCodes.Breach : ExitCodes.Success;
    }

    private static double Tolerance(string? text)
    {
        if (text is null)
        {
            return DefaultTolerancePercent;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new CliInputException($"--tolerance: '{text}' is not a number (a percentage such as 25)");
        }

        return double.IsFinite(value) && value >= 0 ? value : throw new CliInputException($"--tolerance: '{text}' must be a percentage of 0 or more");
    }
}
