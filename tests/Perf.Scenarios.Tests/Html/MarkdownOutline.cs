using System.Text.RegularExpressions;

namespace Perf.Scenarios.Tests.Html;

/// <summary>
/// The headings, tables and images a Markdown report has, read line by line from the Markdown itself (not through
/// the renderer under test), so the browser test compares the page against what the report says, not against itself.
/// </summary>
public sealed partial record MarkdownOutline(IReadOnlyList<MarkdownOutline.Heading> Headings, IReadOnlyList<MarkdownOutline.Table> Tables, int Images)
{
    public static MarkdownOutline Read(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var headings = new List<Heading>();
        var tables = new List<Table>();
        var images = 0;
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            images += ImagePattern().Matches(lines[i]).Count;
            if (HeadingPattern().Match(lines[i]) is { Success: true } heading)
            {
                headings.Add(new Heading(heading.Groups[1].Length, Plain(heading.Groups[2].Value)));
            }
            else if (i > 0 && SeparatorPattern().IsMatch(lines[i]))
            {
                var rows = lines.Skip(i + 1).TakeWhile(l => l.StartsWith('|')).Count();
                var alignments = Cells(lines[i]).Select(Alignment).ToList();
                tables.Add(new Table(Cells(lines[i - 1]).Select(Plain).ToList(), alignments, rows));
            }
        }

        return new MarkdownOutline(headings, tables, images);
    }

    /// <summary>The text a browser shows for inline Markdown: code spans and strong emphasis lose their markers.</summary>
    private static string Plain(string inline) => inline.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal).Trim();

    /// <summary>A separator cell's alignment as getComputedStyle reports it; an unaligned column keeps CSS's initial <c>start</c>.</summary>
    private static string Alignment(string separator) => (separator.StartsWith(':'), separator.EndsWith(':')) switch
    {
        (true, true) => "center",
        (false, true) => "right",
        (true, false) => "left",
        _ => "start",
    };

    private static IEnumerable<string> Cells(string row) => row.Trim().Trim('|').Split('|').Select(c => c.Trim());

    [GeneratedRegex(@"^(#{1,6})\s+(.+?)\s*#*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^\|(\s*:?-+:?\s*\|)+$")]
    private static partial Regex SeparatorPattern();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]+\)")]
    private static partial Regex ImagePattern();

    public sealed record Heading(int Level, string Text);

    /// <summary>A pipe table: its header cells, each column's alignment as CSS names it, and its number of body rows.</summary>
    public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<string> Alignments, int Rows);
}
