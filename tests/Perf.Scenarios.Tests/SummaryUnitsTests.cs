namespace Perf.Scenarios.Tests;

public sealed class SummaryUnitsTests : IDisposable
{
    private readonly TempArtifacts _artifacts = new();

    [Fact]
    public void AQueueBoundJobLatencyReadsInSecondsAndItsChangeAsAFactor()
    {
        var markdown = _artifacts.WriteMarkdown(new RunReportBuilder { JobP95 = 114_944 }, new RunReportBuilder { Configuration = "optimized", JobP95 = 23 });

        markdown.Should().Contain("| job end-to-end latency p95 | 114.9 s | 23.0 ms | ▼ ×5,000 lower better |");
    }

    public void Dispose() => _artifacts.Dispose();
}
