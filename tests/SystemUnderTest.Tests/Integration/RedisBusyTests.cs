using System.Net;
using Perf.Fixtures;
using StackExchange.Redis;
using SystemUnderTest.Tests.Infrastructure;

namespace SystemUnderTest.Tests.Integration;

/// <summary>
/// A Redis that refuses commands while it is busy (a script past busy-reply-threshold) or loading is a dependency
/// that is unavailable for a moment: 503 with Retry-After, never a 500. (The unknown-commit answers are in IdempotencyTests.)
/// </summary>
[Collection(RedisFixture.Name)]
[Trait("Category", "integration")]
[Trait("Needs", "redis")]
public sealed class RedisBusyTests(RedisFixture redis)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task BusyRedisAnswers503WithRetryAfter()
    {
        await using var pipeline = await SutPipeline.StartAsync(redis);
        var server = redis.Database.Multiplexer.GetServers()[0];
        var threshold = (await server.ConfigGetAsync("busy-reply-threshold")).Single().Value;
        await server.ConfigSetAsync("busy-reply-threshold", "50");
        await using var scriptConnection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        try
        {
            // A script that never ends: after busy-reply-threshold every other client gets "BUSY ..." until SCRIPT KILL.
            _ = scriptConnection.GetDatabase().ScriptEvaluateAsync("while true do end", flags: CommandFlags.FireAndForget);

            var response = await Eventually.WaitAsync("Redis to refuse commands with BUSY", Deadline,
                _ => pipeline.Client.GetAsync($"/payments/{Guid.NewGuid():N}"),
                r => r.StatusCode != HttpStatusCode.NotFound, ct: TestContext.Current.CancellationToken);

            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter!.ToString().Should().Be("1");
            problem.GetProperty("detail").GetString().Should().Contain("busy");
        }
        finally
        {
            await Eventually.WaitAsync("SCRIPT KILL to end the busy script", Deadline, async _ =>
            {
                try
                {
                    await server.ExecuteAsync("SCRIPT", "KILL");
                }
                catch (RedisServerException notBusy) when (notBusy.Message.StartsWith("NOTBUSY", StringComparison.Ordinal))
                {
                    return true;
                }

                return false;
            }, killed => killed, ct: TestContext.Current.CancellationToken);
            await server.ConfigSetAsync("busy-reply-threshold", threshold);
        }
    }
}
