using Xunit.Abstractions;

namespace Perf.Scenarios;

[Collection(BaselineEnvironmentFixture.Name)]
[Trait(TestTraits.Category, TestTraits.Baseline)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class BaselinePerfTests(BaselineEnvironmentFixture fixture, ITestOutputHelper output)
    : ConfigurationPerfTest(fixture, output)
{
    [Fact]
    public async Task BaselineMeetsThresholdsAndLosesNoJobs() => await RunAndAssertAsync();
}
