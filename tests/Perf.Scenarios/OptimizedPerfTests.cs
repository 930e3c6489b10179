using Perf.Scenarios.Reporting;

namespace Perf.Scenarios;

[Collection(OptimizedEnvironmentFixture.Name)]
[Trait(TestTraits.Category, TestTraits.Optimized)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class OptimizedPerfTests(OptimizedEnvironmentFixture fixture, ComparisonFixture comparison, ITestOutputHelper output)
    : ConfigurationPerfTest(fixture, comparison, output)
{
    [Fact]
    public async Task OptimizedMeetsThresholdsAndLosesNoJobs() => await RunAndAssertAsync();
}
