using System.Net.Http.Json;
using System.Text.Json;
using Perf.Fixtures;
using SystemUnderTest.Contracts;
using SystemUnderTest.Tests.Infrastructure;

namespace SystemUnderTest.Tests.Integration;

/// <summary>Jobs that outlast the reclaim idle time while their owner is alive: each must still end with one outcome.</summary>
[Collection(RedisFixture.Name)]
[Trait("Category", "integration")]
[Trait("Needs", "redis")]
public sealed class OneOutcomePerJobTests(RedisFixture redis, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SlowJobsOfALiveWorkerAreNotReclaimedAndEndWithOneOutcomeEach()
    {
        var database = await redis.ResetAsync();
        // A 3 s downstream call against a 500 ms reclaim idle time and 2 deliveries at most; 2 jobs at a time, so
        // three of the five also wait in the worker's buffer, read and pending, longer than the reclaim idle time.
        var settings = SutSettings.For(
            redis,
            ("Worker:SimulatedDownstreamMs", "3000"),
            ("Worker:ReclaimIdleMs", "500"),
            ("Worker:MaxDeliveries", "2"));
        await using var api = new SutApiFactory(settings);
        using var client = api.CreateClient();
        using var worker = SutSettings.BuildWorker(settings);
        await worker.StartAsync(TestContext.Current.CancellationToken);

        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await JobRequests.SubmitPaymentAsync(client));
        }

        await Eventually.WaitAsync(
            "all five payments to have an outcome",
            Deadline,
            ct => client.GetFromJsonAsync<JsonElement>("/metrics/jobs", ct),
            m => m.GetProperty("outstanding").GetInt64() == 0,
            ct: TestContext.Current.CancellationToken);
        // Stopping drains every delivery still held, so any second outcome would be written before this returns.
        await worker.StopAsync(TestContext.Current.CancellationToken);

        var body = await client.GetStringAsync("/metrics/jobs", TestContext.Current.CancellationToken);
        output.WriteLine($"/metrics/jobs: {body}");
        var metrics = JsonDocument.Parse(body).RootElement;
        var counts = (
            Processed: metrics.GetProperty("processed").GetInt64(),
            DeadLettered: metrics.GetProperty("deadLettered").GetInt64(),
            Duplicates: metrics.GetProperty("duplicates").GetInt64(),
            Retried: metrics.GetProperty("retried").GetInt64());
        counts.Should().Be((5L, 0L, 0L, 0L));
        (await database.StreamLengthAsync(RedisKeys.DeadLetter(RedisKeys.PaymentsStream))).Should().Be(0);
        foreach (var id in ids)
        {
            var payment = await client.GetFromJsonAsync<JsonElement>($"/payments/{id}", cancellationToken: TestContext.Current.CancellationToken);
            payment.GetProperty("status").GetString().Should().Be("completed", "payment {0} was posted", id);
            ((string?)await database.StringGetAsync(RedisKeys.Outcome(id))).Should().Be(RedisKeys.OutcomeStored);
        }
    }
}
