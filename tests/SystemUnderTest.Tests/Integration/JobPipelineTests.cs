using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Perf.Fixtures;
using StackExchange.Redis;
using SystemUnderTest.Contracts;
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
        await using var pipeline = await SutPipeline.StartAsync(redis);
        var client = pipeline.Client;
        await pipeline.StartWorkerAsync();

        var id = await pipeline.SubmitPaymentAsync(Payment);

        var status = await Eventually.WaitAsync(
            $"payment {id} to be completed",
            Deadline,
            _ => client.GetFromJsonAsync<JsonElement>($"/payments/{id}"),
            p => p.GetProperty("status").GetString() == "completed",
            ct: TestContext.Current.CancellationToken);
        status.GetProperty("amount").GetDecimal().Should().Be(12.5m);

        var metrics = await Eventually.WaitAsync(
            "the payment entry to be acknowledged",
            Deadline,
            _ => client.GetFromJsonAsync<JsonElement>("/metrics/jobs"),
            m => m.GetProperty("streams")[0].GetProperty("pending").GetInt64() == 0,
            ct: TestContext.Current.CancellationToken);
        metrics.GetProperty("accepted").GetInt64().Should().Be(1);
        metrics.GetProperty("processed").GetInt64().Should().Be(1);
        metrics.GetProperty("duplicates").GetInt64().Should().Be(0);
        metrics.GetProperty("jobLatencyMs").GetProperty("count").GetInt64().Should().Be(1);
        (await pipeline.Database.KeyExistsAsync(RedisKeys.Result(id))).Should().BeTrue();

        var analytics = await client.GetFromJsonAsync<JsonElement>("/analytics/summary", cancellationToken: TestContext.Current.CancellationToken);
        analytics.GetProperty("payments").GetProperty("count").GetInt64().Should().Be(1);
        analytics.GetProperty("payments").GetProperty("byCurrency").GetProperty("EUR").GetProperty("totalAmount").GetDecimal().Should().Be(12.5m);
        var cached = await client.GetFromJsonAsync<JsonElement>("/analytics/summary", cancellationToken: TestContext.Current.CancellationToken);
        cached.GetProperty("cached").GetBoolean().Should().BeTrue();

        await pipeline.Worker.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RedeliveredJobIsNotStoredTwiceAndCountsADuplicate()
    {
        await using var pipeline = await SutPipeline.StartAsync(redis);
        var database = pipeline.Database;
        await pipeline.SubmitPaymentAsync(Payment);

        // The worker's processor without its read loop: deliver the same entry twice, as a redelivery would.
        var processor = pipeline.Worker.Services.GetRequiredService<JobProcessor>();
        var entries = await database.StreamReadGroupAsync(RedisKeys.PaymentsStream, RedisKeys.ConsumerGroup, "consumer-a", StreamPosition.NewMessages, 10);
        entries.Should().ContainSingle();
        var first = EntryParser.Parse(RedisKeys.PaymentsStream, entries[0], deliveryCount: 1);

        (await processor.ProcessAsync(first, TestContext.Current.CancellationToken)).Should().Be(JobOutcome.Completed);
        (await processor.ProcessAsync(first with { DeliveryCount = 2 }, TestContext.Current.CancellationToken)).Should().Be(JobOutcome.Duplicate);

        var counters = await pipeline.CountersAsync();
        counters.Should().Contain(CounterNames.Processed, 1).And.Contain(CounterNames.Duplicates, 1);
        (await database.HashGetAllAsync(RedisKeys.JobLatencyBuckets)).Where(f => f.Name != "max").Sum(f => (long)f.Value).Should().Be(1);
        ((long)await database.HashGetAsync(RedisKeys.Aggregates, "payments:count")).Should().Be(1);
    }

    [Fact]
    public async Task CrashedConsumersPendingJobIsReclaimedAndCompleted()
    {
        await using var pipeline = await SutPipeline.StartAsync(redis, ("Worker:ReclaimIdleMs", "200"), ("Worker:ConsumerName", "consumer-b"));
        var database = pipeline.Database;
        var id = await pipeline.SubmitPaymentAsync(Payment);

        // Consumer A reads the entry and "crashes": it never acknowledges.
        var taken = await database.StreamReadGroupAsync(RedisKeys.PaymentsStream, RedisKeys.ConsumerGroup, "consumer-a", StreamPosition.NewMessages, 10);
        taken.Should().ContainSingle();

        await pipeline.StartWorkerAsync();
        await Eventually.WaitAsync(
            $"consumer B to reclaim and complete job {id}",
            Deadline,
            async _ => (string?)await database.HashGetAsync(RedisKeys.Job(id), "status"),
            s => s == "completed",
            ct: TestContext.Current.CancellationToken);
        await Eventually.WaitAsync(
            "the reclaimed entry to be acknowledged",
            Deadline,
            _ => pipeline.PendingPaymentsAsync(),
            pending => pending == 0,
            ct: TestContext.Current.CancellationToken);
        await pipeline.Worker.StopAsync(TestContext.Current.CancellationToken);

        var counters = await pipeline.CountersAsync();
        counters.Should().Contain(CounterNames.Processed, 1).And.Contain(CounterNames.Retried, 1);
    }

    [Fact]
    public async Task AlwaysFailingJobIsDeadLetteredAfterMaxDeliveries()
    {
        await using var pipeline = await SutPipeline.StartAsync(
            redis, ("Worker:FailureRate", "1"), ("Worker:MaxDeliveries", "3"), ("Worker:ReclaimIdleMs", "50"), ("Worker:SimulatedDownstreamMs", "0"));
        var database = pipeline.Database;
        await pipeline.StartWorkerAsync();

        var id = await pipeline.SubmitPaymentAsync(Payment);

        await Eventually.WaitAsync(
            $"job {id} to reach {RedisKeys.DeadLetter(RedisKeys.PaymentsStream)}",
            Deadline,
            _ => database.StreamLengthAsync(RedisKeys.DeadLetter(RedisKeys.PaymentsStream)),
            length => length == 1,
            ct: TestContext.Current.CancellationToken);
        await pipeline.Worker.StopAsync(TestContext.Current.CancellationToken);

        var dead = (await database.StreamRangeAsync(RedisKeys.DeadLetter(RedisKeys.PaymentsStream)))[0];
        ((string?)dead["id"]).Should().Be(id);
        ((string?)await database.HashGetAsync(RedisKeys.Job(id), "status")).Should().Be("failed");
        (await pipeline.PendingPaymentsAsync()).Should().Be(0);
        var counters = await pipeline.CountersAsync();
        counters.Should().Contain(CounterNames.DeadLettered, 1)
            .And.Contain(CounterNames.FailedAttempts, 3)
            .And.Contain(CounterNames.Retried, 2)
            .And.NotContainKey(CounterNames.Processed);
    }

    [Fact]
    public async Task BackpressureAnswers503WithRetryAfterOncePastTheLagLimit()
    {
        await using var pipeline = await SutPipeline.StartAsync(redis, ("Api:BackpressureEnabled", "true"), ("Api:BackpressureMaxLag", "5"));
        var database = pipeline.Database;

        // No worker runs, so every accepted job adds one to the lag until the sampler sees the limit passed.
        var rejected = await Eventually.WaitAsync(
            "a 503 once the lag passes 5",
            Deadline,
            _ => pipeline.Client.PostAsJsonAsync("/notifications", new { userId = "u-1", channel = "email", message = "hi" }),
            r => r.StatusCode == HttpStatusCode.ServiceUnavailable,
            ct: TestContext.Current.CancellationToken);
        rejected.Headers.RetryAfter!.ToString().Should().Be("1");
        await rejected.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        (await database.StreamLengthAsync(RedisKeys.NotificationsStream)).Should().BeGreaterThan(5);

        await Eventually.WaitAsync(
            "backpressureRejected to be counted",
            Deadline,
            async _ => (long)await database.HashGetAsync(RedisKeys.Counters, CounterNames.BackpressureRejected),
            count => count >= 1,
            ct: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StoppingTheWorkerFinishesInFlightJobs()
    {
        await using var pipeline = await SutPipeline.StartAsync(redis, ("Worker:SimulatedDownstreamMs", "1000"));
        await pipeline.StartWorkerAsync();

        var id = await pipeline.SubmitPaymentAsync(Payment);
        await Eventually.WaitAsync(
            $"job {id} to be in flight (read, not yet acknowledged)",
            Deadline,
            _ => pipeline.PendingPaymentsAsync(),
            pending => pending == 1,
            ct: TestContext.Current.CancellationToken);

        await pipeline.Worker.StopAsync(TestContext.Current.CancellationToken);

        ((string?)await pipeline.Database.HashGetAsync(RedisKeys.Job(id), "status")).Should().Be("completed");
        (await pipeline.PendingPaymentsAsync()).Should().Be(0);
    }
}
