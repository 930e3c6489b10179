using Perf.Reliability.Tests.Infrastructure;
using StackExchange.Redis;

namespace Perf.Reliability.Tests;

/// <summary>
/// Redis stalls for longer than the SUT's client timeout in the middle of a run whose downstream calls fail 30 % of the
/// time: every worker loop must survive the timeouts, so afterwards every accepted job is, id by id, processed or
/// dead-lettered and nothing is left pending. Before the fix one stall ended the reclaim loop and the heartbeat for
/// good, and failed attempts stayed pending forever.
/// </summary>
[Trait(TestTraits.Category, TestTraits.Reliability)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class RedisStallTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ClientPauseLongerThanTheTimeoutLeavesNoJobPending()
    {
        var run = await RedisStallScenario.RunAsync("fault-stall-pause", new TestLog(output).Write, async environment =>
        {
            var server = environment.Redis.GetServer(environment.Redis.GetEndPoints()[0]);
            (await server.ExecuteAsync("CLIENT", "PAUSE", RedisStallScenario.StallMilliseconds, "ALL")).ToString().Should().Be("OK");
        });

        RedisStallScenario.AssertEveryAcceptedJobHasOneOutcome(run);
    }

    [Fact]
    public async Task DebugSleepLongerThanTheTimeoutLeavesNoJobPending()
    {
        var run = await RedisStallScenario.RunAsync("fault-stall-sleep", new TestLog(output).Write, environment =>
        {
            // DEBUG SLEEP blocks the whole server, the connection that sent it included: send it without waiting.
            var server = environment.Redis.GetServer(environment.Redis.GetEndPoints()[0]);
            server.Execute("DEBUG", ["SLEEP", RedisStallScenario.StallMilliseconds / 1000.0], CommandFlags.FireAndForget);
            return Task.CompletedTask;
        });

        RedisStallScenario.AssertEveryAcceptedJobHasOneOutcome(run);
    }
}
