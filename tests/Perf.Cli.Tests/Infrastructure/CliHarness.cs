using Spectre.Console;

namespace Perf.Cli.Tests.Infrastructure;

/// <summary>Runs the <c>perf</c> command line in-process with its output captured, as CI sees it (no terminal, so plain lines).</summary>
internal static class CliHarness
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = CliConsole.RedirectedWidth;
        var exitCode = await PerfCommandLine.InvokeAsync(args, new CliConsole(console, output, error, Live: false));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
