using Spectre.Console;

namespace Perf.Cli;

/// <summary>
/// Where the commands write: <paramref name="Out"/> for views and summaries, <paramref name="Error"/> for problems;
/// <paramref name="Live"/> when the output is a terminal that can redraw (otherwise progress is plain lines, e.g. in CI).
/// </summary>
public sealed record CliConsole(IAnsiConsole Out, TextWriter PlainOut, TextWriter Error, bool Live)
{
    /// <summary>Columns to lay out for when the output is a file or a pipe rather than a terminal.</summary>
    public const int RedirectedWidth = 400;
}
