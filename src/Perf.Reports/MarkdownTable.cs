using System.Text;

namespace Perf.Reports;

/// <summary>A GitHub-flavoured Markdown table; cells are escaped so a '|' in a value cannot break the layout.</summary>
public sealed class MarkdownTable(params string[] headers)
{
    /// <summary>Columns aligned left (text); the rest are numbers, aligned right.</summary>
    public int LeftColumns { get; init; } = 1;

    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public MarkdownTable Row(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public void WriteTo(StringBuilder md)
    {
        md.Append("| ").AppendJoin(" | ", headers.Select(Escape)).AppendLine(" |");
        md.Append('|').AppendJoin("|", headers.Select((_, i) => i < LeftColumns ? "---" : "---:")).AppendLine("|");
        foreach (var row in _rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Escape)).AppendLine(" |");
        }

        md.AppendLine();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
