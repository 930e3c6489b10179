using System.CommandLine;
using Perf.Engine.Profiles;
using Perf.Engine.Reporting;
using Perf.ArtilleryImport;
using Spectre.Console;

namespace Perf.Cli;

/// <summary><c>perf import-artillery &lt;artillery-report.json&gt; --out report.json [--profile profile.yml]</c>.</summary>
internal static class ImportArtilleryCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("artillery-report") { Description = "The JSON `artillery run -o` wrote (also one merged from distributed runners)." };
        var output = new Option<string>("--out") { Description = "Where to write the report (JSON, the suite's report model).", Required = true };
        var profile = new Option<string>("--profile") { Description = "The profile Artillery ran: its thresholds are evaluated and its request names give the per-request keys." };
        var target = new Option<string>("--target") { Description = "The URL Artillery ran against, for the report (Artillery's JSON does not record it)." };
        var label = new Option<string>("--label") { Description = "Free text stored in the report, e.g. baseline or optimized." };
        var command = new Command("import-artillery", "Converts Artillery's JSON results into the suite's report model, stating the fidelity they lack. Exit code 0 when imported (1 when --profile's thresholds are breached), 2 on bad input.")
        {
            input, output, profile, target, label,
        };

        command.SetAction((parsed, _) => PerfCommandLine.GuardAsync(console, "import-artillery", () => Task.FromResult(Import(
            console,
            parsed.GetValue(input)!,
            parsed.GetValue(output)!,
            parsed.GetValue(profile),
            parsed.GetValue(target),
            parsed.GetValue(label)))));
        return command;
    }

    private static int Import(CliConsole console, string input, string output, string? profilePath, string? target, string? label)
    {
        var outputPath = OutputFile.Prepare("--out", output);
        var profile = profilePath is null ? null : ProfileLoader.Load(profilePath, new ProfileOverrides { Target = target });
        var report = ArtilleryImporter.Load(input, new ArtilleryImportOptions { Profile = profile, Target = target, Label = label });
        RunReportJson.Write(outputPath, report);
        console.Out.WriteLine($"imported {Path.GetFullPath(input)}: {report.Totals.Requests:N0} requests over {report.DurationSeconds:0.#} s, " +
            $"{report.TimeSeries.Count} window(s), {report.Requests.Count} request row(s)");
        RunSummary.Write(console.Out, report);
        console.Out.WriteLine($"report: {outputPath}");
        return report.Thresholds is { Passed: false } ? ExitCodes.Breach : ExitCodes.Success;
    }
}
