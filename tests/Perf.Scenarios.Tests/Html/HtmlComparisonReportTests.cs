using System.Text.Json;
using Microsoft.Playwright;
using Perf.Fixtures.Settings;
using Perf.Fixtures.XunitSupport;
using Perf.Reports.Html;

namespace Perf.Scenarios.Tests.Html;

/// <summary>
/// The comparison report as written by the real report code (Markdown and its PNG charts), turned into one HTML file
/// and opened in headless Chromium with the network cut off. The screenshot and the HTML stay under
/// artifacts/test-results/html-report for a human to look at.
/// </summary>
[Trait(TestTraits.Requires, TestTraits.Chromium)]
public sealed class HtmlComparisonReportTests : IDisposable
{
    private static readonly string ArtifactDirectory = Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "html-report");

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly TempArtifacts _artifacts = new();

    [Fact]
    public async Task ComparisonReportShowsEveryHeadingTableAndChartWithoutARequest()
    {
        ChromiumLocator.SkipWhenMissingOutsideCi();
        var (markdownPath, markdown) = WriteComparison();
        var expected = MarkdownOutline.Read(markdown);
        expected.Images.Should().BeGreaterThan(0, "the comparison has charts to inline (chart problems: {0})", string.Join("; ", _artifacts.Log));
        var htmlPath = Path.ChangeExtension(markdownPath, ".html");
        HtmlReport.WriteFile(markdownPath, htmlPath);

        await using var opened = await OfflinePage.OpenAsync(htmlPath);
        var page = opened.Page;

        var headings = await EvaluateAsync<Heading[]>(page,
            "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => ({ level: +h.tagName[1], text: h.textContent.trim() }))");
        headings.Select(h => (h.Level, h.Text)).Should().Equal(expected.Headings.Select(h => (h.Level, h.Text)));
        (await page.TitleAsync()).Should().Be(expected.Headings[0].Text);

        var tables = await EvaluateAsync<Table[]>(page,
            """
            () => [...document.querySelectorAll('table')].map(t => ({
              header: [...t.querySelectorAll('thead th')].map(c => c.textContent.trim()),
              alignments: [...(t.querySelector('tbody tr')?.cells ?? [])].map(c => getComputedStyle(c).textAlign),
              rows: t.querySelectorAll('tbody tr').length,
            }))
            """);
        tables.Should().HaveCount(expected.Tables.Count);
        foreach (var (shown, table) in tables.Zip(expected.Tables))
        {
            shown.Header.Should().Equal(table.Header);
            shown.Alignments.Should().Equal(table.Alignments, "columns keep the Markdown's alignment in table '{0}'", string.Join(" | ", table.Header));
            shown.Rows.Should().Be(table.Rows, "table '{0}' keeps its rows", string.Join(" | ", table.Header));
        }

        var images = await EvaluateAsync<Image[]>(page,
            "() => [...document.images].map(i => ({ alt: i.alt, scheme: i.src.split(':')[0], complete: i.complete, naturalWidth: i.naturalWidth }))");
        images.Should().HaveCount(expected.Images);
        images.Should().AllSatisfy(i =>
        {
            i.Scheme.Should().Be("data", "chart '{0}' is inlined", i.Alt);
            i.Complete.Should().BeTrue("chart '{0}' has loaded", i.Alt);
            i.NaturalWidth.Should().BePositive("chart '{0}' decodes", i.Alt);
        });

        opened.LeftThePage.Should().BeEmpty("the report is self-contained");
        opened.ConsoleErrors.Should().BeEmpty("nothing on the page was blocked or broken");

        Directory.CreateDirectory(ArtifactDirectory);
        var screenshotPath = Path.Combine(ArtifactDirectory, "comparison-report.png");
        var screenshot = await page.ScreenshotAsync(new() { Path = screenshotPath, FullPage = true });
        screenshot.Should().NotBeEmpty();
        File.Copy(htmlPath, Path.Combine(ArtifactDirectory, "comparison-report.html"), overwrite: true);
    }

    public void Dispose() => _artifacts.Dispose();

    /// <summary>Runs an expression in the page and reads its value as JSON (Playwright's own mapping needs settable properties).</summary>
    private static async Task<T> EvaluateAsync<T>(IPage page, string expression) =>
        JsonSerializer.Deserialize<T>(await page.EvaluateAsync<string>($"() => JSON.stringify(({expression})())"), JsonOptions)
        ?? throw new InvalidOperationException($"the page returned null for {expression}");

    private (string Path, string Markdown) WriteComparison()
    {
        _artifacts.Store(RunReportBuilder.Baseline().Build());
        _artifacts.Store(RunReportBuilder.Optimized().Build());
        var path = _artifacts.Write() ?? throw new InvalidOperationException("no comparison written: " + string.Join("; ", _artifacts.Log));
        return (path, File.ReadAllText(path));
    }

    private sealed record Heading(int Level, string Text);

    private sealed record Table(string[] Header, string[] Alignments, int Rows);

    private sealed record Image(string Alt, string Scheme, bool Complete, int NaturalWidth);
}
