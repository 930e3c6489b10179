using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Perf.Fixtures;
using SystemUnderTest.Contracts;
using SystemUnderTest.Tests.Infrastructure;

namespace SystemUnderTest.Tests.Integration;

/// <summary>
/// Admission control on Redis memory: once used_memory reaches Api__MemoryAdmissionPercent of maxmemory, job POSTs
/// are refused with 503 + Retry-After before anything is written, and counted; below it they are accepted.
/// </summary>
[Collection(RedisFixture.Name)]
[Trait("Category", "integration")]
[Trait("Needs", "redis")]
public sealed class MemoryAdmissionTests(RedisFixture redis)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task JobsAreRefusedOnceRedisMemoryReachesTheAdmissionLimit()
    {
        await using var pipeline = await SutPipeline.StartAsync(redis, ("Api:MemoryAdmissionPercent", "50"));
        var server = redis.Database.Multiplexer.GetServers()[0];
        (await pipeline.Client.PostAsJsonAsync("/payments", JobRequests.Payment, cancellationToken: TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.Accepted, "Redis has no maxmemory yet");
        var used = long.Parse((await server.InfoAsync("memory")).SelectMany(g => g).First(kv => kv.Key == "used_memory").Value, CultureInfo.InvariantCulture);
        try
        {
            // used_memory is 60 % of this cap: over the 50 % admission limit, below the cap itself (nothing evicted or refused by Redis).
            await server.ConfigSetAsync("maxmemory", (used * 10 / 6).ToString(CultureInfo.InvariantCulture));

            var refused = await Eventually.WaitAsync("a job POST to be refused once memory passes 50 % of maxmemory", Deadline,
                _ => pipeline.Client.PostAsJsonAsync("/payments", JobRequests.Payment), r => r.StatusCode != HttpStatusCode.Accepted, ct: TestContext.Current.CancellationToken);

            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter!.ToString().Should().Be("1");
            problem.GetProperty("title").GetString().Should().Be("Queue storage is nearly full");
            // The API counts a refusal fire-and-forget, so the counter may land just after the answer.
            await Eventually.WaitAsync("memoryRejected to be counted", Deadline,
                async _ => (await pipeline.CountersAsync()).ContainsKey(CounterNames.MemoryRejected), ct: TestContext.Current.CancellationToken);
            var accepted = (await pipeline.CountersAsync())[CounterNames.Accepted];
            (await pipeline.Database.StreamLengthAsync(RedisKeys.PaymentsStream)).Should().Be(accepted, "a refused POST writes nothing");
        }
        finally
        {
            await server.ConfigSetAsync("maxmemory", "0");
        }
    }
}
