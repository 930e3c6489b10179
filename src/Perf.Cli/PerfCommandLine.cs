using System.CommandLine;
using Perf.Reports.Comparison;
using Perf.Engine.Profiles;
using Perf.ArtilleryImport;
using Perf.Reports.Html;

namespace Perf.Cli;

/// <summary>The <c>perf</c> command line: parses the arguments and hands them to the engine and the report code.</summary>
public static class PerfCommandLine
{
    /// <summary>The runtime's switch for running socket completions on the socket engine's threads (read once, at the first socket).</summary>
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static async Task<int> InvokeAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand("Runs Artillery-style load profiles with the suite's engine, imports Artillery's results, compares runs and gates pull requests.")
        {
            RunCommand.Create(console),
            ImportArtilleryCommand.Create(console),
            CompareCommand.Create(console),
            HtmlCommand.Create(console),
            GateCommand.Create(console),
        };

        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = console.PlainOut, Error = console.Error };
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await console.Error.WriteLineAsync($"perf: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'perf --help' (or 'perf COMMAND --help') for the commands and their options.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a command's body; input the engine or the importer rejects becomes exit code 2 with its message.</summary>
    internal static async Task<int> GuardAsync(CliConsole console, string command, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e) when (e is ProfileException or ArtilleryImportException or ComparisonInputException or HtmlReportException or CliInputException)
        {
            await console.Error.WriteLineAsync($"perf {command}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"perf {command}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
    }
}
