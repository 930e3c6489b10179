using Perf.Fixtures.Settings;
using Perf.Scenarios.Running;
using Xunit.Sdk;

namespace Perf.Scenarios.Tests;

/// <summary>The assembly fixture that writes the comparison once, after the configuration tests of the process.</summary>
public sealed class ComparisonFixtureTests : IDisposable
{
    private static readonly PerfRunSettings Smoke = PerfRunSettings.From(PerfSettings.Defaults);

    private readonly TempArtifacts _artifacts = new();
    private readonly RecordingSink _sink = new();

    [Fact]
    public async Task ComparisonIsWrittenWhenTheFixtureIsDisposedNotWhenARunIsRecorded()
    {
        var fixture = new ComparisonFixture(_sink);
        foreach (var report in new[] { RunReportBuilder.Baseline().Build(), RunReportBuilder.Optimized().Build() })
        {
            _artifacts.Store(report);
            fixture.Record(_artifacts.Writer, Smoke, report);
        }

        File.Exists(_artifacts.Writer.ComparisonPath).Should().BeFalse("recording a run writes nothing yet");

        await fixture.DisposeAsync();

        File.ReadAllText(_artifacts.Writer.ComparisonPath).Should().Contain("## Summary");
        _sink.Lines.Should().Contain(l => l.Contains($"comparison report: {_artifacts.Writer.ComparisonPath}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoConfigurationTestInTheProcessWritesNoComparison()
    {
        // Reports of both sides on disk, but this process ran no configuration test (the experiments, a filter).
        _artifacts.Store(RunReportBuilder.Baseline().Build());
        _artifacts.Store(RunReportBuilder.Optimized().Build());

        await new ComparisonFixture(_sink).DisposeAsync();

        File.Exists(_artifacts.Writer.ComparisonPath).Should().BeFalse();
        _sink.Lines.Should().BeEmpty();
    }

    public void Dispose() => _artifacts.Dispose();

    private sealed class RecordingSink : IMessageSink
    {
        public List<string> Lines { get; } = [];

        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is IDiagnosticMessage diagnostic)
            {
                Lines.Add(diagnostic.Message);
            }

            return true;
        }
    }
}
