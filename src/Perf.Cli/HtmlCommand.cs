using System.CommandLine;
using Perf.Reports.Html;
using Spectre.Console;

namespace Perf.Cli;

/// <summary><c>perf html &lt;report.md&gt; --out report.html</c>: a Markdown report (the comparison) as one self-contained HTML file.</summary>
internal static class HtmlCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("report") { Description = "The Markdown report, e.g. artifacts/perf/LOAD_TEST_COMPARISON_SMOKE.md; its image links resolve against its folder." };
        var output = new Option<string>("--out") { Description = "Where to write the HTML: one file, charts inline, no request to anywhere.", Required = true };
        var command = new Command("html", "Writes a Markdown report as one self-contained HTML file (charts as data: URIs, embedded style, no scripts). Exit code 0 when written, 2 when the report or one of its images cannot be read.")
        {
            input, output,
        };

        command.SetAction((parsed, _) => PerfCommandLine.GuardAsync(console, "html", () => Task.FromResult(Write(console, parsed.GetValue(input)!, parsed.GetValue(output)!))));
        return command;
    }

    private static int Write(CliConsole console, string input, string output)
    {
        var outputPath = OutputFile.Prepare("--out", output);
        if (!File.Exists(input))
        {
            throw new CliInputException($"{input}: no such Markdown report");
        }

        HtmlReport.WriteFile(input, outputPath);
        console.Out.WriteLine($"html: {outputPath} ({new FileInfo(outputPath).Length:N0} bytes, self-contained) from {Path.GetFullPath(input)}");
        return ExitCodes.Success;
    }
}
