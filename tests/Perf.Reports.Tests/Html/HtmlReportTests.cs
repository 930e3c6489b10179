using Perf.Reports.Html;

namespace Perf.Reports.Tests.Html;

/// <summary>The Markdown-to-HTML step of the comparison report on small hand-written reports; the browser test opens a real one.</summary>
public sealed class HtmlReportTests : IDisposable
{
    /// <summary>A 1×1 PNG, so an image link has a real PNG behind it.</summary>
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private readonly string _directory = Directory.CreateTempSubdirectory("perf-reports-tests-").FullName;

    [Fact]
    public void LocalImagesBecomeDataUrisOfTheirBytes()
    {
        var chart = WriteChart("charts/latency.png");

        var html = Render("# Report\n\n![Latency](charts/latency.png)\n");

        html.Should().Contain($"src=\"data:image/png;base64,{Convert.ToBase64String(File.ReadAllBytes(chart))}\"")
            .And.NotContain("charts/latency.png");
    }

    [Fact]
    public void MissingImageNamesTheMarkdownFileTheLineAndTheLink()
    {
        var render = () => Render("# Report\n\nText.\n\n![Latency](charts/missing.png)\n", "LOAD_TEST_COMPARISON_SMOKE.md");

        render.Should().Throw<HtmlReportException>()
            .Which.Message.Should().StartWith("LOAD_TEST_COMPARISON_SMOKE.md:5: image 'charts/missing.png': not found (looked for ")
            .And.Contain(Path.Combine(_directory, "charts", "missing.png"));
    }

    [Fact]
    public void RemoteImageIsRefusedRatherThanFetchedByTheReader()
    {
        var render = () => Render("# Report\n\n![Logo](https://example.invalid/logo.png)\n");

        render.Should().Throw<HtmlReportException>().WithMessage("*:3: image 'https://example.invalid/logo.png': a remote image*");
    }

    [Fact]
    public void FileThatIsNotAPngIsNamedAsSuch()
    {
        File.WriteAllText(Path.Combine(_directory, "chart.png"), "<svg/>");

        var render = () => Render("![Chart](chart.png)\n");

        render.Should().Throw<HtmlReportException>().WithMessage("*image 'chart.png': * is not a PNG file*");
    }

    [Fact]
    public void TitleIsTheFirstHeadingAsPlainText()
    {
        var html = Render("Intro line.\n\n# Load test comparison: baseline vs optimized — profile `smoke`\n\n## Summary\n");

        html.Should().Contain("<title>Load test comparison: baseline vs optimized — profile smoke</title>");
    }

    [Fact]
    public void RightAlignedColumnsStayRightAlignedAndOthersDoNot()
    {
        var html = Render("| metric | baseline |\n|---|---:|\n| requests | 6,000 |\n");

        html.Should().Contain("<td>requests</td>").And.Contain("<td style=\"text-align: right;\">6,000</td>");
    }

    [Fact]
    public void PageAllowsItselfNoRequestAndCarriesItsStyle()
    {
        var html = Render("# Report\n");

        html.Should().Contain($"<meta http-equiv=\"Content-Security-Policy\" content=\"{HtmlReport.ContentSecurityPolicy}\">")
            .And.Contain("<style>").And.Contain("border-collapse: collapse")
            .And.NotContain("<script").And.NotContain("<link");
    }

    [Fact]
    public void RawHtmlInTheMarkdownIsShownAsTextNotLoaded()
    {
        var html = Render("# Report\n\n<img src=\"http://127.0.0.1:9/tracker.png\">\n");

        html.Should().NotContain("<img").And.Contain("&lt;img src=");
    }

    [Fact]
    public void FileIsRenderedAgainstItsOwnDirectory()
    {
        WriteChart("charts/throughput.png");
        var markdown = Path.Combine(_directory, "report.md");
        File.WriteAllText(markdown, "# Report\n\n![Throughput](charts/throughput.png)\n");
        var html = Path.Combine(_directory, "out.html");

        HtmlReport.WriteFile(markdown, html);

        File.ReadAllText(html).Should().StartWith("<!DOCTYPE html>").And.Contain("data:image/png;base64,");
        File.Exists(html + ".tmp").Should().BeFalse();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Render(string markdown, string file = "report.md") => HtmlReport.Render(markdown, _directory, file);

    private string WriteChart(string relativePath)
    {
        var path = Path.Combine(_directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, OnePixelPng);
        return path;
    }
}
