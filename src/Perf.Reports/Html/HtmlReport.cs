using System.Net;
using System.Text;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Perf.Reports.Html;

/// <summary>
/// Turns a Markdown report (the comparison report, with its charts as relative image links) into ONE HTML file that
/// needs nothing else: every image is inlined as a <c>data:</c> URI, the style sheet is embedded, there is no script,
/// and a Content-Security-Policy forbids the page any request, so it reads the same attached to a mail or opened
/// from an artifact store as in the build's directory.
/// </summary>
public static class HtmlReport
{
    /// <summary>Only data: images and the embedded style sheet: a link that slipped through would be blocked, not fetched.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        // The report is generated text; raw HTML in it would be the one way to smuggle in a remote resource.
        .DisableHtml()
        .Build();

    private static readonly Lazy<string> StyleSheet = new(ReadStyleSheet);

    /// <summary>Reads <paramref name="markdownPath"/>, resolves its images against its own directory and writes the HTML to <paramref name="htmlPath"/>.</summary>
    public static void WriteFile(string markdownPath, string htmlPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(markdownPath);
        ArgumentException.ThrowIfNullOrEmpty(htmlPath);
        var fullPath = Path.GetFullPath(markdownPath);
        var html = Render(File.ReadAllText(fullPath), Path.GetDirectoryName(fullPath)!, markdownPath);
        var temp = htmlPath + ".tmp";
        File.WriteAllText(temp, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temp, htmlPath, overwrite: true);
    }

    /// <summary>
    /// Renders <paramref name="markdown"/> as a self-contained HTML page. Relative image links resolve against
    /// <paramref name="imageDirectory"/>; <paramref name="markdownFile"/> names the source in error messages.
    /// </summary>
    /// <exception cref="HtmlReportException">An image is missing, remote, or of a type a browser would not show inline.</exception>
    public static string Render(string markdown, string imageDirectory, string markdownFile)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentException.ThrowIfNullOrEmpty(imageDirectory);
        ArgumentException.ThrowIfNullOrEmpty(markdownFile);

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            image.Url = InlineImages.DataUri(image.Url, image.Line + 1, imageDirectory, markdownFile);
        }

        var title = document.Descendants<HeadingBlock>().FirstOrDefault() is { Inline: { } heading }
            ? PlainText(heading)
            : Path.GetFileNameWithoutExtension(markdownFile);
        var body = Markdown.ToHtml(document, Pipeline);

        return new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"Perf.Reports from ").Append(WebUtility.HtmlEncode(Path.GetFileName(markdownFile))).Append("\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
            .Append("<style>\n").Append(StyleSheet.Value).Append("</style>\n")
            .Append("</head>\n<body>\n<main>\n")
            .Append(body)
            .Append("</main>\n</body>\n</html>\n")
            .ToString();
    }

    private static string PlainText(ContainerInline inline)
    {
        var text = new StringBuilder();
        foreach (var part in inline.Descendants<Inline>())
        {
            switch (part)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
            }
        }

        return text.ToString().Trim();
    }

    private static string ReadStyleSheet()
    {
        const string Name = "Perf.Reports.Html.report.css";
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"the embedded style sheet {Name} is missing from {typeof(HtmlReport).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
