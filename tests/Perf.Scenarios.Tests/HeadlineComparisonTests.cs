namespace Perf.Scenarios.Tests;

public sealed class HeadlineComparisonTests : IDisposable
{
    private readonly TempArtifacts _artifacts = new();

    [Fact]
    public void ReportOpensWithWhatThisRunShowsThenTheSustainedPhaseHeadline()
    {
        var markdown = _artifacts.WriteMarkdown(RunReportBuilder.Baseline(), RunReportBuilder.Optimized());
        File.WriteAllText("/tmp/headline-sample.md", markdown);

        var shows = markdown.IndexOf("## What this run shows", StringComparison.Ordinal);
        var headline = markdown.IndexOf("## Headline: the 'sustained' phase", StringComparison.Ordinal);
        shows.Should().BePositive();
        headline.Should().BeGreaterThan(shows);
        markdown.IndexOf("## Summary", StringComparison.Ordinal).Should().BeGreaterThan(headline);
        markdown.Should().Contain("leave out run-to-run variation");
        markdown.Should().Contain("| sustained HTTP p95 | sustained phase, mean of 1-s p95 |");
    }

    public void Dispose() => _artifacts.Dispose();
}
