using Perf.Fixtures.Containers;
using Perf.Fixtures.Metrics;

namespace Perf.Fixtures.Tests;

[Collection(OptimizedEnvironmentFixture.Name)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class OptimizedEnvironmentTests(OptimizedEnvironmentFixture fixture, ITestOutputHelper output) : IDisposable
{
    [Fact]
    public async Task OptimizedRunsTheTunedRedisAndReportsWhatIsInForce()
    {
        await using var collector = new MetricsCollector(fixture.Environment);

        var snapshot = await collector.SnapshotAsync("before", TestContext.Current.CancellationToken);

        snapshot.RedisConfig!.MaxMemoryBytes.Should().Be(2L * 1024 * 1024 * 1024);
        snapshot.RedisConfig.MaxMemoryPolicy.Should().Be("allkeys-lru");
        snapshot.RedisConfig.Save.Should().BeEmpty();
        snapshot.RedisConfig.AppendOnly.Should().Be("no");
        snapshot.RedisConfig.MaxClientsRequested.Should().Be(10000);
        if (snapshot.RedisConfig.MaxClients != 10000)
        {
            snapshot.RedisConfig.MaxClientsNote.Should().Contain("open-file limit", "a lowered maxclients must be explained");
        }

        fixture.Environment.Containers.Count(c => c.Role == ContainerRole.Worker).Should().Be(5);
        output.WriteLine($"optimized ready after {fixture.Environment.ReadyAfter.TotalSeconds:0.0} s; " +
                         $"maxclients in force {snapshot.RedisConfig.MaxClients} {snapshot.RedisConfig.MaxClientsNote}");
    }

    public void Dispose() => fixture.FlushLogTo(output);
}
