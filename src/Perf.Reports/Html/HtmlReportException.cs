namespace Perf.Reports.Html;

/// <summary>A Markdown report that cannot become a self-contained HTML file; the message names the Markdown file, the line and the image.</summary>
public sealed class HtmlReportException : Exception
{
    public HtmlReportException(string markdownFile, int line, string image, string problem)
        : base($"{markdownFile}:{line}: image '{image}': {problem}")
    {
        MarkdownFile = markdownFile;
        Line = line;
        Image = image;
        Problem = problem;
    }

    public HtmlReportException()
    {
        MarkdownFile = Image = Problem = string.Empty;
    }

    public HtmlReportException(string message) : base(message)
    {
        MarkdownFile = Image = Problem = string.Empty;
    }

    public HtmlReportException(string message, Exception innerException) : base(message, innerException)
    {
        MarkdownFile = Image = Problem = string.Empty;
    }

    public string MarkdownFile { get; }

    /// <summary>The 1-based line of the Markdown file that references the image.</summary>
    public int Line { get; }

    /// <summary>The image link as written in the Markdown.</summary>
    public string Image { get; }

    public string Problem { get; }
}
