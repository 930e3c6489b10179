using Microsoft.Extensions.Configuration;
using Perf.Engine;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Fixtures;
using Perf.Fixtures.XunitSupport;
using Perf.Scenarios.Profiles;
using StackExchange.Redis;
using SystemUnderTest.Contracts;
using SystemUnderTest.Hosting;

namespace Perf.Scenarios.Tests;

/// <summary>The custom-step scenario against a real Redis and the real worker (hosted here, Redis result store).</summary>
[Trait(TestTraits.Category, "integration")]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class QueuePathScenarioTests
{
    [Fact]
    public async Task EveryDirectlyEnqueuedJobIsStoredAndMeasuredPerStep()
    {
        await using var redis = await StandaloneRedis.StartAsync(TestContext.Current.CancellationToken);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        using var worker = WorkerHost.Build([], configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = redis.ConnectionString,
            ["Store:Kind"] = "redis",
            ["Worker:SimulatedDownstreamMs"] = "5",
            ["Worker:MaxPollDelayMs"] = "20",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await worker.StartAsync(TestContext.Current.CancellationToken);
        var scenario = new QueuePathScenario(connection);
        var profile = ProfileBuilder.Create("queue-path")
            .WithTarget("http://127.0.0.1:9")
            .WithHttpTimeout(TimeSpan.FromSeconds(5))
            .WithLoad(Load.ConstantRate(20, TimeSpan.FromSeconds(2), "steady"))
            .WithScenario("queue path", flow => scenario.AddTo(flow))
            .WithThresholds(ThresholdSpec.RequestResponseTime(QueuePathScenario.StoredStep, Aggregation.P99, 5_000), ThresholdSpec.MaxErrorRate(0))
            .Build();

        var report = await new LoadRunner().RunAsync(profile, new RunOptions { ProgressInterval = TimeSpan.FromHours(1) }, TestContext.Current.CancellationToken);
        await worker.StopAsync(TestContext.Current.CancellationToken);

        var enqueue = report.GetRequest($"{CustomStepKey(QueuePathScenario.EnqueueStep)}").Stats;
        var stored = report.GetRequest($"{CustomStepKey(QueuePathScenario.StoredStep)}").Stats;
        enqueue.Requests.Should().Be(40);
        stored.Requests.Should().Be(40);
        report.Totals.ErrorCount.Should().Be(0);
        report.GetScenario("queue path").VusersCompleted.Should().Be(40);
        report.Thresholds!.Passed.Should().BeTrue(report.Thresholds.ToString());
        var database = connection.GetDatabase();
        (await database.StreamLengthAsync("jobs:payments")).Should().Be(0, "a finished job's entry leaves the stream with its acknowledgement");
        (await database.HashGetAsync(RedisKeys.Counters, CounterNames.Accepted)).Should().Be(40);
    }

    private static string CustomStepKey(string name) => $"{CustomStep.Method} {name}";
}
