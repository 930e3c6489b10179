using System.Collections.Concurrent;
using System.Diagnostics;
using Perf.Fixtures;
using SystemUnderTest.Contracts;
using SystemUnderTest.Telemetry;
using SystemUnderTest.Tests.Infrastructure;

namespace SystemUnderTest.Tests.Integration;

/// <summary>
/// Every entry a worker has read is heartbeated from the read on, also while it waits inside the worker for a free
/// processor (docs/system-under-test.md, "Delivery semantics"). One processor, a batch of four and a downstream call
/// several times the reclaim idle time: the last entry of the batch waits inside the worker for three calls, far longer
/// than an entry may stay idle, so only the heartbeat keeps the reclaim loop from delivering it a second time.
/// </summary>
[Collection(RedisFixture.Name)]
[Trait("Category", "integration")]
[Trait("Needs", "redis")]
public sealed class InFlightHeartbeatTests(RedisFixture redis)
{
    private const int Jobs = 4;
    private const int DownstreamMs = 1500;
    private const int ReclaimIdleMs = 600;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EntriesWaitingInsideTheWorkerAreNotReclaimedAndRunOnce()
    {
        await using var pipeline = await SutPipeline.StartAsync(
            redis,
            ("Worker:Concurrency", "1"),
            ("Worker:BatchSize", Jobs.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Worker:SimulatedDownstreamMs", DownstreamMs.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Worker:ReclaimIdleMs", ReclaimIdleMs.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var ids = new List<string>();
        for (var i = 0; i < Jobs; i++)
        {
            ids.Add(await pipeline.SubmitPaymentAsync(JobRequests.Payment));
        }

        // Every delivery a processor starts, by job id and delivery number: one consumer span each.
        var deliveries = new ConcurrentQueue<(string Id, long Delivery)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SutTelemetry.Source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            // Stopped, not started: the job id tag is set once the span has started.
            ActivityStopped = activity =>
            {
                if (activity.Kind == ActivityKind.Consumer && activity.GetTagItem(SutTelemetry.JobIdAttribute) is string id && ids.Contains(id))
                {
                    deliveries.Enqueue((id, Convert.ToInt64(activity.GetTagItem("sut.job.delivery_count"), System.Globalization.CultureInfo.InvariantCulture)));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await pipeline.StartWorkerAsync();
        foreach (var id in ids)
        {
            await Eventually.WaitAsync(
                $"job {id} to be completed",
                Deadline,
                async _ => (string?)await pipeline.Database.HashGetAsync(RedisKeys.Job(id), "status"),
                status => status == "completed",
                ct: TestContext.Current.CancellationToken);
        }

        // Stopping drains what the worker already read, so a second delivery waiting in its buffer is run and seen too.
        await pipeline.Worker.StopAsync(TestContext.Current.CancellationToken);

        var byId = deliveries.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Select(d => d.Delivery).Order().ToList());
        byId.Should().HaveCount(Jobs);
        byId.Where(kv => kv.Value.Count != 1 || kv.Value[0] != 1).Select(kv => $"{kv.Key}: deliveries [{string.Join(", ", kv.Value)}]")
            .Should().BeEmpty("an entry waiting inside its worker is heartbeated, so it is never reclaimed and run again");
        var counters = await pipeline.CountersAsync();
        counters.GetValueOrDefault(CounterNames.Retried).Should().Be(0, "no entry was reclaimed");
        counters.GetValueOrDefault(CounterNames.Duplicates).Should().Be(0, "no job ran twice");
        counters.Should().Contain(CounterNames.Processed, Jobs);
    }
}
