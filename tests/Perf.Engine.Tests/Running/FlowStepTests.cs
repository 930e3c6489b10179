using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Engine.Tests.Infrastructure;
using Perf.Testing;

namespace Perf.Engine.Tests.Running;

public class FlowStepTests
{
    private static readonly RunOptions Quiet = new() { ProgressInterval = TimeSpan.FromHours(1) };

    [Fact]
    public async Task ThinkPausesTheUserBetweenRequests()
    {
        var firstSeen = new ConcurrentDictionary<string, long>();
        var gaps = new ConcurrentBag<double>();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/first", () =>
            {
                var id = Guid.NewGuid().ToString("N");
                firstSeen[id] = Stopwatch.GetTimestamp();
                return Results.Ok(new { id });
            });
            app.MapGet("/second/{id}", (string id) =>
            {
                gaps.Add(Stopwatch.GetElapsedTime(firstSeen[id]).TotalMilliseconds);
                return "ok";
            });
        });
        var profile = TestProfiles.Single(server.Address, 1, 5, flow => flow
            .Get("/first", r => r.Capture("$.id", "user"))
            .Think(TimeSpan.FromMilliseconds(300))
            .Get("/second/{{ user }}"));

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        report.Totals.Requests.Should().Be(10);
        report.Totals.ErrorCount.Should().Be(0);
        gaps.Should().HaveCount(5).And.OnlyContain(gap => gap >= 300, "each user's second request waits for the think time after its first");
        report.GetRequest("GET /second/{{ user }}").Stats.Latency.Min.Should().BeLessThan(300, "latency starts at the end of the pause, not before it");
    }

    [Fact]
    public async Task LoopRepeatsItsStepsCountTimesUnderOneKey()
    {
        var hits = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/item", () =>
        {
            Interlocked.Increment(ref hits);
            return "ok";
        }));
        var profile = TestProfiles.Single(server.Address, 1, 4, flow => flow.Loop(3, loop => loop.Get("/item")).Get("/item"));

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        hits.Should().Be(16);
        report.Requests.Should().ContainSingle().Which.Stats.Requests.Should().Be(16);
        report.GetScenario("main").VusersCompleted.Should().Be(4);
    }

    [Fact]
    public async Task CustomStepIsTimedFromItsIntendedStartAndRecordedLikeARequest()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/orders/{id}", (string id) => Results.Ok(new { id })));
        var produced = new ConcurrentBag<string>();
        var profile = TestProfiles.Single(server.Address, 1, 10, flow => flow
            .Step("make-order", async (context, ct) =>
            {
                // At least 40 ms by the Stopwatch (a timer may fire a little early).
                var until = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 40 / 1000);
                while (Stopwatch.GetTimestamp() < until)
                {
                    await Task.Delay(5, ct);
                }

                var id = Guid.NewGuid().ToString("N");
                context.Variables["orderId"] = id;
                produced.Add(id);
                return StepResult.Ok(201);
            }, "orderId")
            .Get("/orders/{{ orderId }}", r => r.Capture("$.id", "echo").Expect(200)));

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        var step = report.GetRequest("STEP make-order");
        step.Method.Should().Be("STEP");
        step.Name.Should().Be("make-order");
        step.Stats.Requests.Should().Be(10);
        step.Stats.Status(201).Should().Be(10);
        step.Stats.Latency.Min.Should().BeGreaterThanOrEqualTo(40);
        report.GetRequest("GET /orders/{{ orderId }}").Stats.Status(200).Should().Be(10);
        produced.Should().HaveCount(10);
        report.Totals.Requests.Should().Be(20);
    }

    [Fact]
    public async Task FailedOrThrowingCustomStepsFailTheUser()
    {
        var calls = 0;
        var profile = ProfileBuilder.Create("failing")
            .WithTarget("http://127.0.0.1:9")
            .WithHttpTimeout(TimeSpan.FromMilliseconds(300))
            .WithLoad(Load.ArrivalCount(9, TimeSpan.FromSeconds(0.5)))
            .WithScenario("main", flow => flow
                .Step("flaky", async (context, ct) =>
                {
                    switch (Interlocked.Increment(ref calls) % 3)
                    {
                        case 0: return StepResult.Fail(503);
                        case 1: throw new InvalidOperationException("broken");
                        default: await Task.Delay(Timeout.Infinite, ct); return StepResult.Ok();
                    }
                })
                .Step("never", (context, ct) => throw new InvalidOperationException("a failed user stops before this")))
            .WithThresholds(ThresholdSpec.RequestResponseTime("flaky", Aggregation.Max, 10_000), ThresholdSpec.MaxErrorRate(50))
            .Build();

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        var flaky = report.GetRequest("STEP flaky").Stats;
        flaky.Errors.Should().Equal(new Dictionary<string, long> { ["stepFailed"] = 6, ["timeout"] = 3 });
        flaky.Status(503).Should().Be(3);
        report.GetRequest("STEP never").Stats.Requests.Should().Be(0);
        report.GetScenario("main").VusersFailed.Should().Be(9);
        report.Thresholds!.Checks.Select(c => (c.Scope, c.Passed)).Should().Equal(("request 'flaky'", true), ("run", false));
    }
}
