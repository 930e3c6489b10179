using System.Text;
using Perf.Cli;
using Spectre.Console;

// A dedicated generator host (docs/load-engine.md, "Hosting the engine"): socket completions run on the socket
// engine's threads instead of hopping to the thread pool. The runtime reads this when the first socket is created,
// so it is set before anything opens one; an explicit value in the environment (e.g. 0) wins.
if (Environment.GetEnvironmentVariable(PerfCommandLine.InlineCompletionsVariable) is null)
{
    Environment.SetEnvironmentVariable(PerfCommandLine.InlineCompletionsVariable, "1");
}

Console.OutputEncoding = Encoding.UTF8;
if (Console.IsOutputRedirected)
{
    // Spectre wraps at 80 columns when it cannot ask a terminal; a log or a CI step has no such limit.
    AnsiConsole.Profile.Width = CliConsole.RedirectedWidth;
}

var live = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
return await PerfCommandLine.InvokeAsync(args, new CliConsole(AnsiConsole.Console, Console.Out, Console.Error, live));
