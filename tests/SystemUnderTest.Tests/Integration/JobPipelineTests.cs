using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using SystemUnderTest.Redis;
using SystemUnderTest.Tests.Infrastructure;
using SystemUnderTest.Worker;

namespace SystemUnderTest.Tests.Integration;

[Collection(RedisFixture.Name)]
[Trait("Category", "integration")]
[Trait("Needs", "redis")]
public sealed class JobPipelineTests(RedisFixture redis)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private static readonly object Payment = JobRequests.Payment;

    [Fact]
    public async Task EnqueuedPaymentIsStoredOnceAndCounted()
    {
        var database = await redis.ResetAsync();
        var settings = SutSettings.For(redis);
        await using var api = new SutApiFactory(settings);
        using var client = api.CreateClient();
        using var worker = SutSettings.BuildWorker(settings);
        await worker.StartAsync();

        var response = await client.PostAsJsonAsync("/payments", Payment);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        response.Headers.Location!.ToString().Should().Be($"/payments/{id}");

        var status = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/payments/{id}"),
            p => p.GetProperty("status").GetString() == "completed",
            Deadline,
            $"payment {id} to be completed");
        status.GetProperty("amount").GetDecimal().Should().Be(12.5m);

        var metrics = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>("/metrics/jobs"),
            m => m.GetProperty("streams")[0].GetProperty("pending").GetInt64() == 0,
            Deadline,
            "the payment entry to be acknowledged");
        metrics.GetProperty("accepted").GetInt64().Should().Be(1);
        metrics.GetProperty("processed").GetInt64().Should().Be(1);
        metrics.GetProperty("duplicates").GetInt64().Should().Be(0);
        metrics.GetProperty("jobLatencyMs").GetProperty("count").GetInt64().Should().Be(1);
        (await database.KeyExistsAsync(RedisKeys.Result(id))).Should().BeTrue();

        var analytics = await client.GetFromJsonAsync<JsonElement>("/analytics/summary");
        analytics.GetProperty("payments").GetProperty("count").GetInt64().Should().Be(1);
        analytics.GetProperty("payments").GetProperty("byCurrency").GetProperty("EUR").GetProperty("totalAmount").GetDecimal().Should().Be(12.5m);
        var cached = await client.GetFromJsonAsync<JsonElement>("/analytics/summary");
        cached.GetProperty("cached").GetBoolean().Should().BeTrue();

        await worker.StopAsync();
    }

    [Fact]
    public async Task RedeliveredJobIsNotStoredTwiceAndCountsADuplicate()
    {
        var database = await redis.ResetAsync();
        var settings = SutSettings.For(redis);
        await using var api = new SutApiFactory(settings);
        using var client = api.CreateClient();
        (await client.PostAsJsonAsync("/payments", Payment)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        // The worker's processor without its read loop: deliver the same entry twice, as a redelivery would.
        using var worker = SutSettings.BuildWorker(settings);
        var processor = worker.Services.GetRequiredService<JobProcessor>();
        var entries = await database.StreamReadGroupAsync(RedisKeys.PaymentsStream, RedisKeys.ConsumerGroup, "consumer-a", StreamPosition.NewMessages, 10);
        entries.Should().ContainSingle();
        var first = EntryParser.Parse(RedisKeys.PaymentsStream, entries[0], deliveryCount: 1);

        (await processor.ProcessAsync(first, CancellationToken.None)).Should().Be(JobOutcome.Completed);
        (await processor.ProcessAsync(first with { DeliveryCount = 2 }, CancellationToken.None)).Should().Be(JobOutcome.Duplicate);

        var counters = await CountersAsync(database);
        counters.Should().Contain(CounterNames.Processed, 1).And.Contain(CounterNames.Duplicates, 1);
        (await database.HashGetAllAsync(RedisKeys.JobLatencyBuckets)).Where(f => f.Name != "max").Sum(f => (long)f.Value).Should().Be(1);
        ((long)await database.HashGetAsync(RedisKeys.Aggregates, "payments:count")).Should().Be(1);
    }

    [Fact]
    public async Task CrashedConsumersPendingJobIsReclaimedAndCompleted()
    {
        var database = await redis.ResetAsync();
        var settings = SutSettings.For(redis, ("Worker:ReclaimIdleMs", "200"), ("Worker:ConsumerName", "consumer-b"));
        await using var api = new SutApiFactory(settings);
        using var client = api.CreateClient();
        var id = await JobRequests.SubmitPaymentAsync(client);

        // Consumer A reads the entry and "crashes": it never acknowledges.
        var taken = await database.StreamReadGroupAsync(RedisKeys.PaymentsStream, RedisKeys.ConsumerGroup, "consumer-a", StreamPosition.NewMessages, 10);
        taken.Should().ContainSingle();

        using var worker = SutSettings.BuildWorker(settings);
        await worker.StartAsync();
        await Eventually.WaitAsync(
            async () => (string?)await database.HashGetAsync(RedisKeys.Job(id), "status"),
            s => s == "completed",
            Deadline,
            $"consumer B to reclaim and complete job {id}");
        await Eventually.WaitAsync(
            async () => (await database.StreamPendingAsync(RedisKeys.PaymentsStream, RedisKeys.ConsumerGroup)).PendingMessageCount,
            pending => pending == 0,
            Deadline,
            "the reclaimed entry to be acknowledged");
        await worker.StopAsync();

        var counters = await CountersAsync(database);
        counters.Should().Contain(CounterNames.Processed, 1).And.Contain(CounterNames.Retried, 1);
    }

    [Fact]
    public async Task AlwaysFailingJobIsDeadLetteredAfterMaxDeliveries()
    {
        var database = await redis.ResetAsync();
        var settings = SutSettings.For(
            redis, ("Worker:FailureRate", "1"), ("Worker:MaxDeliveries", "3"), ("Worker:ReclaimIdleMs", "50"), ("Worker:SimulatedDownstreamMs", "0"));
        await using var api = new SutApiFactory(settings);
        using var client = api.CreateClient();
        using var worker = SutSettings.BuildWorker(settings);
        await worker.StartAsync();

        var id = await JobRequests.SubmitPaymentAsync(client);

        await Eventually.WaitAsync(
            () => database.StreamLengthAsync(RedisKeys.DeadLetter(RedisKeys.PaymentsStream)),
            length => length == 1,
            Deadline,
            $"job {id} to reach {RedisKeys.DeadLetter(RedisKeys.PaymentsStream)}");
        await worker.StopAsync();

        var dead = (await database.StreamRangeAsync(RedisKeys.DeadLetter(RedisKeys.PaymentsStream)))[0];
        ((string?)dead["id"]).Should().Be(id);
        ((string?)await database.HashGetAsync(RedisKeys.Job(id), "status")).Should().Be("failed");
        (await database.StreamPendingAsync(RedisKeys.PaymentsStream, RedisKeys.ConsumerGroup)).PendingMessageCount.Should().Be(0);
        var counters = await CountersAsync(database);
        counters.Should().Contain(CounterNames.DeadLettered, 1)
            .And.Contain(CounterNames.FailedAttempts, 3)
            .And.Contain(CounterNames.Retried, 2)
            .And.NotContainKey(CounterNames.Processed);
    }

    [Fact]
    public async Task BackpressureAnswers503WithRetryAfterOncePastTheLagLimit()
    {
        var database = await redis.ResetAsync();
        var settings = SutSettings.For(redis, ("Api:BackpressureEnabled", "true"), ("Api:BackpressureMaxLag", "5"));
        await using var api = new SutApiFactory(settings);
        using var client = api.CreateClient();

        // No worker runs, so every accepted job adds one to the lag until the sampler sees the limit passed.
        var rejected = await Eventually.WaitAsync(
            () => client.PostAsJsonAsync("/notifications", new { userId = "u-1", channel = "email", message = "hi" }),
            r => r.StatusCode == HttpStatusCode.ServiceUnavailable,
            Deadline,
            "a 503 once the lag passes 5");
        rejected.Headers.RetryAfter!.ToString().Should().Be("1");
        await rejected.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        (await database.StreamLengthAsync(RedisKeys.NotificationsStream)).Should().BeGreaterThan(5);

        await Eventually.WaitAsync(
            async () => (long)await database.HashGetAsync(RedisKeys.Counters, CounterNames.BackpressureRejected),
            count => count >= 1,
            Deadline,
            "backpressureRejected to be counted");
    }

    [Fact]
    public async Task StoppingTheWorkerFinishesInFlightJobs()
    {
        var database = await redis.ResetAsync();
        var settings = SutSettings.For(redis, ("Worker:SimulatedDownstreamMs", "1000"));
        await using var api = new SutApiFactory(settings);
        using var client = api.CreateClient();
        using var worker = SutSettings.BuildWorker(settings);
        await worker.StartAsync();

        var id = await JobRequests.SubmitPaymentAsync(client);
        await Eventually.WaitAsync(
            async () => (await database.StreamPendingAsync(RedisKeys.PaymentsStream, RedisKeys.ConsumerGroup)).PendingMessageCount,
            pending => pending == 1,
            Deadline,
            $"job {id} to be in flight (read, not yet acknowledged)");

        await worker.StopAsync();

        ((string?)await database.HashGetAsync(RedisKeys.Job(id), "status")).Should().Be("completed");
        (await database.StreamPendingAsync(RedisKeys.PaymentsStream, RedisKeys.ConsumerGroup)).PendingMessageCount.Should().Be(0);
    }

    private static async Task<Dictionary<string, long>> CountersAsync(IDatabase database) =>
        (await database.HashGetAllAsync(RedisKeys.Counters)).ToDictionary(e => e.Name.ToString(), e => (long)e.Value);
}
