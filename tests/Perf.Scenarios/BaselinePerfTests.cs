using Perf.Scenarios.Reporting;

namespace Perf.Scenarios;

[Collection(BaselineEnvironmentFixture.Name)]
[Trait(TestTraits.Category, TestTraits.Baseline)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class BaselinePerfTests(BaselineEnvironmentFixture fixture, ComparisonFixture comparison, ITestOutputHelper output)
    : ConfigurationPerfTest(fixture, comparison, output)
{
    [Fact]
    public async Task BaselineMeetsThresholdsAndLosesNoJobs() => await RunAndAssertAsync();
}
