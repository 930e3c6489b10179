using Perf.Cli.Tests.Infrastructure;

namespace Perf.Cli.Tests;

/// <summary><c>perf html</c>, run in-process as a user would run it.</summary>
public sealed class HtmlCommandTests : IDisposable
{
    /// <summary>A 1×1 PNG, so the chart link has a real PNG behind it.</summary>
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task MarkdownReportBecomesOneHtmlFileWithItsChartInline()
    {
        Directory.CreateDirectory(Path.Combine(_directory.Path, "charts"));
        File.WriteAllBytes(Path.Combine(_directory.Path, "charts", "smoke-latency.png"), OnePixelPng);
        var markdown = _directory.File("LOAD_TEST_COMPARISON_SMOKE.md", "# Load test comparison\n\n| metric | baseline |\n|---|---:|\n| p95 | 9.66 ms |\n\n![Latency](charts/smoke-latency.png)\n");
        var html = Path.Combine(_directory.Path, "out", "report.html");

        var result = await CliHarness.RunAsync("html", markdown, "--out", html);

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Output.Should().StartWith($"html: {html} (").And.Contain("self-contained");
        File.ReadAllText(html).Should().Contain("<title>Load test comparison</title>")
            .And.Contain($"data:image/png;base64,{Convert.ToBase64String(OnePixelPng)}")
            .And.NotContain("charts/smoke-latency.png");
    }

    [Fact]
    public async Task MissingChartExitsTwoNamingTheReportLineAndImage()
    {
        var markdown = _directory.File("report.md", "# Report\n\n![Latency](charts/smoke-latency.png)\n");
        var html = Path.Combine(_directory.Path, "report.html");

        var result = await CliHarness.RunAsync("html", markdown, "--out", html);

        result.ExitCode.Should().Be(ExitCodes.BadInput);
        result.Error.Should().StartWith($"perf html: {markdown}:3: image 'charts/smoke-latency.png': not found");
        File.Exists(html).Should().BeFalse("no half page is left behind");
    }

    [Fact]
    public async Task MissingMarkdownExitsTwo()
    {
        var result = await CliHarness.RunAsync("html", Path.Combine(_directory.Path, "nope.md"), "--out", Path.Combine(_directory.Path, "r.html"));

        result.ExitCode.Should().Be(ExitCodes.BadInput);
        result.Error.Should().Contain("nope.md: no such Markdown report");
    }

    public void Dispose() => _directory.Dispose();
}
