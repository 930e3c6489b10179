namespace Perf.Reports.Comparison;

/// <summary>
/// A rendered comparison: the Markdown, the headline as data (for comparison-results/*.json and the gate) and the
/// charts, already saved as PNGs under the Markdown's folder, which other renderings of the report can embed.
/// </summary>
public sealed record ComparisonDocument(string Markdown, ComparisonResults Results, ChartSet Charts)
{
    /// <summary>Writes the Markdown through a temporary file, so a reader never sees half a report.</summary>
    public void WriteMarkdown(string path)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, Markdown);
        File.Move(temp, path, overwrite: true);
    }
}
