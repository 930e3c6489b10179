using Perf.Engine.Profiles;
using Perf.Fixtures.Settings;
using Perf.Scenarios.Experiments.Soak;

namespace Perf.Scenarios.Experiments;

/// <summary>
/// The soak benchmark: the optimized configuration at the 1k profile's sustained rate for at least 10 minutes with a
/// short retention. A benchmark, not a timed test: explicit (<c>-- xUnit.Explicit=on</c>, see docs/system-under-test.md
/// "Retention"), it writes its numbers and fails only when memory did not level off.
/// </summary>
[Collection(ExperimentLog.Name)]
[Trait(TestTraits.Category, ExperimentTraits.Soak)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class SoakBenchmarkTests(ExperimentLog log, ITestOutputHelper output) : IDisposable
{
    /// <summary>A plateau: after the retention window each job adds at most this share of what it cost before any key expired.</summary>
    private const double PlateauShareOfGrowth = 0.10;

    [Fact(Explicit = true)]
    [Trait(ExperimentTraits.Size, ExperimentTraits.Full)]
    public async Task OptimizedMemoryLevelsOffAfterTheRetentionWindow()
    {
        var template = ProfileLoader.Load(Path.Combine(RepositoryPaths.Root, "loadtest", "artillery-1k.yml"));
        var plan = SoakPlans.From(PerfSettings.Current.Soak, template);
        var settings = PerfSettings.Current.Environment(EnvironmentPresets.Optimized);

        var result = await new SoakBenchmark(settings, template, plan).RunAsync(log.Write, TestContext.Current.CancellationToken);

        result.EvictedKeys.Should().Be(0, "the plateau must come from expiry, not from eviction");
        var slopeHighKbPer1000Jobs = result.PlateauSlopeHighMbPerMin * 1024 / 60 / result.JobsPerSecond * 1000;
        slopeHighKbPer1000Jobs.Should().BeLessThan(PlateauShareOfGrowth * result.GrowthBeforeRetentionKbPer1000Jobs,
            "after the retention window Redis memory should level off: " + result.Headline());
    }

    public void Dispose() => log.FlushTo(output);
}
