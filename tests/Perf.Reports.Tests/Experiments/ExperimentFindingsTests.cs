using System.Text.Json;
using Perf.Engine.Reporting;
using Perf.Reports.Experiments;
using Perf.Reports.Experiments.Capacity;
using Perf.Testing;
using static Perf.Reports.Tests.Experiments.ExperimentReportGoldenTests;

namespace Perf.Reports.Tests.Experiments;

public sealed class ExperimentFindingsTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("perf-reports-findings-").FullName;

    private string Experiments => ExperimentFiles.Directory(_artifacts, tiny: false);

    [Fact]
    public void EachSearchedConfigurationIsCitedWithItsCapacityAndHeadroom()
    {
        Store(Capacity("baseline", sustained: 500, broken: 520, StepCheck.QueueGrowth));
        Store(Capacity("optimized", sustained: 1200, broken: 1250, StepCheck.ErrorRate));

        var findings = ExperimentFindings.Load(_artifacts, "baseline", "optimized");

        findings.CapacitySentence().Should().Be("optimized sustains 1200/s, baseline sustains 500/s");
        findings.Links().Capacities.Select(c => c.Configuration).Should().Equal("baseline", "optimized");
        var capacity = findings.Recommendations(profilePeakRate: 100).Should().ContainSingle(r => r.Rule == "capacity").Subject;
        capacity.Evidence.Should().Contain("First to break at 520/s: backlog grew from 0 to 900 jobs");
        capacity.Advice.Should().Contain("headroom is baseline 5.00×, optimized 12.00×");
    }

    [Fact]
    public void AGeneratorLimitedSearchIsCitedAsALowerBoundNotACapacity()
    {
        var report = Capacity("baseline", sustained: 400, broken: 800, StepCheck.Generator);
        Store(report with { Result = report.Result with { Outcome = CapacityOutcome.GeneratorLimited } });

        ExperimentFindings.Load(_artifacts, "baseline", "optimized").CapacitySentence().Should().Be("baseline sustains at least 400/s (GeneratorLimited)");
    }

    [Fact]
    public void AnUnreadableResultIsNamedAsAProblemAndLeftOut()
    {
        Directory.CreateDirectory(Experiments);
        File.WriteAllText(ExperimentFiles.CapacityJson(Experiments, "baseline"), "not JSON");

        var findings = ExperimentFindings.Load(_artifacts, "baseline", "optimized");

        findings.IsEmpty.Should().BeTrue();
        findings.Problems.Should().ContainSingle().Which.Should().StartWith("capacity-baseline.json is unreadable");
        findings.Recommendations(profilePeakRate: 100).Should().BeEmpty();
    }

    [Fact]
    public void AClearEffectOfTheAttributionBecomesARecommendation()
    {
        Directory.CreateDirectory(Experiments);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "experiment-attribution-smoke.json"), ExperimentFiles.AttributionJson(Experiments, "smoke"));

        var findings = ExperimentFindings.Load(_artifacts, "baseline", "optimized");

        findings.Links().Attribution.Should().Be(new Perf.Reports.Comparison.AttributionLink("2^2 full factorial over Workers and Backpressure", "smoke"));
        var attribution = findings.Recommendations(profilePeakRate: 100).Should().ContainSingle(r => r.Rule == "attribution").Subject;
        attribution.Evidence.Should().StartWith("Workers → job end-to-end p95 (whole run) 22.5 ms [13.5, 34] (hurts)");
        attribution.Advice.Should().Be("no knob had a clear cost on HTTP p99 in the attribution; keep the knobs that help");
    }

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    private void Store(CapacityReport report)
    {
        Directory.CreateDirectory(Experiments);
        File.WriteAllText(ExperimentFiles.CapacityJson(Experiments, report.Configuration), JsonSerializer.Serialize(report, RunReportJson.Options));
    }

    /// <summary>The recorded tiny search's settings and context around <see cref="CapacitySamples.TwoSteps"/>.</summary>
    private static CapacityReport Capacity(string configuration, double sustained, double broken, StepCheck failure) =>
        Input<CapacityReport>("experiment-capacity-tiny.json") with { Configuration = configuration, Result = CapacitySamples.TwoSteps(sustained, broken, failure) };
}
