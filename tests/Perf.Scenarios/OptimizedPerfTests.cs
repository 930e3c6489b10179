using Xunit.Abstractions;

namespace Perf.Scenarios;

[Collection(OptimizedEnvironmentFixture.Name)]
[Trait(TestTraits.Category, TestTraits.Optimized)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class OptimizedPerfTests(OptimizedEnvironmentFixture fixture, ITestOutputHelper output)
    : ConfigurationPerfTest(fixture, output)
{
    [Fact]
    public async Task OptimizedMeetsThresholdsAndLosesNoJobs() => await RunAndAssertAsync();
}
