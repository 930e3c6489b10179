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
    /// <summary>A plateau: after the retention window memory grows at most this share of its growth before it.</summary>
    private const double PlateauShareOfGrowth = 0.10;

    [Fact(Explicit = true)]
    [Trait(ExperimentTraits.Size, ExperimentTraits.Full)]
    public async Task OptimizedMemoryLevelsOffAfterTheRetentionWindow()
    {
        var env = PerfVariables.FromProcess();
        var template = ProfileLoader.Load(Path.Combine(RepositoryPaths.Root, "loadtest", "artillery-1k.yml"));
        var plan = SoakPlan.From(env, template);
        var settings = EnvironmentOverrides.Apply(EnvironmentPresets.OptimizedSettings());
        env.ThrowIfInvalid();

        var result = await new SoakBenchmark(settings, template, plan).RunAsync(log.Write, TestContext.Current.CancellationToken);

        result.EvictedKeys.Should().Be(0, "the plateau must come from expiry, not from eviction");
        result.PlateauSlopeHighMbPerMin.Should().BeLessThan(PlateauShareOfGrowth * result.GrowthBeforeRetentionMbPerMin,
            "after the retention window Redis memory should level off: " + result.Headline());
    }

    public void Dispose() => log.FlushTo(output);
}
