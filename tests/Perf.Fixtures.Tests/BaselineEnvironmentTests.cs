using Perf.Fixtures.Accounting;
using Perf.Fixtures.Containers;
using Perf.Fixtures.Metrics;
using Perf.Fixtures.Settings;
using Perf.Fixtures.Traffic;
using Perf.Model.Metrics;

namespace Perf.Fixtures.Tests;

[Collection(BaselineEnvironmentFixture.Name)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class BaselineEnvironmentTests(BaselineEnvironmentFixture fixture, ITestOutputHelper output) : IDisposable
{
    [Fact]
    public async Task BaselineRunsRedisWithItsDefaults()
    {
        await using var collector = new MetricsCollector(fixture.Environment);

        var snapshot = await collector.SnapshotAsync("before", TestContext.Current.CancellationToken);

        snapshot.RedisConfig!.MaxMemoryBytes.Should().Be(0, "baseline Redis has no maxmemory");
        snapshot.RedisConfig.MaxMemoryPolicy.Should().Be("noeviction");
        snapshot.RedisConfig.MaxClientsRequested.Should().BeNull();
        fixture.Environment.Containers.Count(c => c.Role == ContainerRole.Worker).Should().Be(fixture.Environment.Settings.WorkerCount);
        output.WriteLine($"baseline ready after {fixture.Environment.ReadyAfter.TotalSeconds:0.0} s; maxclients in force {snapshot.RedisConfig.MaxClients}");
    }

    /// <summary>
    /// Host mode: Redis runs with "bind 127.0.0.1" and the API with a 127.0.0.1 URL, so their sockets listen there. Bridge
    /// mode: Docker's proxy listens on the published ports, bound to 127.0.0.1 (LoopbackPublishingTests checks the create
    /// parameters). Either way no socket of the SUT may listen on another address of the machine.
    /// </summary>
    [Fact]
    public void RedisAndTheApiListenOnLoopbackOnly()
    {
        var environment = fixture.Environment;
        var redisPort = int.Parse(environment.RedisConnectionString.Split(',')[0].Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture);

        foreach (var (name, port) in new[] { ("Redis", redisPort), ("API", environment.ApiBaseUrl.Port) })
        {
            var addresses = ListeningSockets.On(port);
            output.WriteLine($"{name} port {port} ({environment.Settings.Network} network) listens on: {string.Join(", ", addresses)}");
            addresses.Should().NotBeEmpty("{0} must be listening on port {1}", name, port);
            addresses.Should().OnlyContain(a => System.Net.IPAddress.IsLoopback(a), "{0} must listen on the loopback interface only", name);
        }
    }

    [Fact]
    public async Task ProbesReturnPlausibleValuesUnderABurst()
    {
        var environment = fixture.Environment;
        await using var collector = new MetricsCollector(environment);
        var before = await collector.SnapshotAsync("before", TestContext.Current.CancellationToken);
        IReadOnlyList<ResourceSample> series;
        int accepted;
        await using (var sampler = new MetricsSampler(collector, TimeSpan.FromMilliseconds(500)))
        {
            accepted = (await JobBurst.PaymentsAsync(environment.ApiBaseUrl, count: 400, concurrency: 16, TimeSpan.FromSeconds(60))).Accepted;
            var accounting = await JobAccountant.SettleAsync(environment, accepted, TestContext.Current.CancellationToken);
            series = await sampler.StopAsync();
            output.WriteLine($"sampler overhead: {sampler.OverheadPercentOfCore:0.00} % of one core (wall time of sampling)");
            accounting.Lost.Should().Be(0);
            accounting.Processed.Should().BeGreaterThanOrEqualTo(accepted);
            accounting.EndToEndLatencyMs!.Count.Should().BeGreaterThanOrEqualTo(accepted);
        }

        var after = await collector.SnapshotAsync("after", TestContext.Current.CancellationToken);

        accepted.Should().Be(400);
        after.Redis!.TotalCommandsProcessed.Should().BeGreaterThan(before.Redis!.TotalCommandsProcessed + 400);
        after.Redis.ConnectedClients.Should().BeGreaterThanOrEqualTo(3, "the probe, the API and the worker are connected");
        after.Redis.UsedMemoryBytes.Should().BeGreaterThan(0);
        after.Jobs!.Accepted.Should().BeGreaterThanOrEqualTo(before.Jobs!.Accepted + 400);
        after.Host!.MemoryTotalGb.Should().BeGreaterThan(0);
        after.Host.CpuPercent.Should().BeInRange(0, 100);
        after.Containers.Select(c => c.Role).Should().Contain(["api", "worker", "redis"]);
        after.Containers.Should().OnlyContain(c => c.MemoryMb > 0);
        series.Should().HaveCountGreaterThanOrEqualTo(2);
        series.Should().Contain(p => p.QueueLength > 0 && p.RedisOpsPerSec > 0);
        series.Where(p => p.HostCpuPercent is not null).Should().Contain(p => p.HostCpuPercent > 0);
    }

    [Fact]
    public async Task ExternalModeReadsMetricsOfARunningSystemWithoutStartingAnything()
    {
        var running = fixture.Environment;
        var settings = PerfSettings.Load(null, new Dictionary<string, string>
        {
            ["PERF_MODE"] = "external",
            ["PERF_API_URL"] = running.ApiBaseUrl.ToString(),
            ["PERF_REDIS_CONNECTION"] = running.RedisConnectionString,
        }).Environment(EnvironmentPresets.Baseline);

        await using var external = await PerfEnvironment.StartAsync(settings, output.WriteLine, TestContext.Current.CancellationToken);
        await using var collector = new MetricsCollector(external);
        var accepted = (await JobBurst.PaymentsAsync(external.ApiBaseUrl, count: 20, concurrency: 4, TimeSpan.FromSeconds(30))).Accepted;
        var snapshot = await collector.SnapshotAsync("external", TestContext.Current.CancellationToken);

        external.Containers.Should().BeEmpty();
        accepted.Should().Be(20);
        snapshot.Redis!.ConnectedClients.Should().BeGreaterThan(0);
        snapshot.Jobs!.Accepted.Should().BeGreaterThanOrEqualTo(20);
        snapshot.Unavailable.Should().Contain(u => u.Contains("external mode", StringComparison.Ordinal));
    }

    public void Dispose() => fixture.FlushLogTo(output);
}
