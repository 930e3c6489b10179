namespace Perf.Reports.Experiments;

/// <summary>A rendered experiment report: the Markdown and the charts already saved under its folder, or why they are missing.</summary>
public sealed record ExperimentDocument(string Markdown, IReadOnlyList<ChartImage> Charts, IReadOnlyList<string> ChartProblems)
{
    /// <summary>Writes the Markdown through a temporary file, so a reader never sees half a report.</summary>
    public void WriteMarkdown(string path)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, Markdown);
        File.Move(temp, path, overwrite: true);
    }
}
