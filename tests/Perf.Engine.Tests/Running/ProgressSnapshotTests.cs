using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Testing;

namespace Perf.Engine.Tests.Running;

public class ProgressSnapshotTests
{
    [Fact]
    public async Task RampOnScheduleShowsIntervalTargetEqualToAchieved()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => "ok"));
        var profile = ProfileLoader.Parse("""
            config:
              phases:
                - name: ramp
                  duration: 3
                  arrivalRate: 0
                  rampTo: 200
            scenarios:
              - flow:
                  - get: { url: "/" }
            """, "ramp.yml", new ProfileOverrides { Target = server.Address.ToString() });
        var snapshots = new ConcurrentQueue<ProgressSnapshot>();

        await new LoadRunner().RunAsync(profile, new RunOptions { Progress = snapshots.Enqueue, ProgressInterval = TimeSpan.FromSeconds(1) }, TestContext.Current.CancellationToken);

        // The first second of a ramp from 0 averages half the rate it ends at: the instantaneous target runs
        // ahead of what an on-schedule generator achieved over the interval, the interval's own target does not.
        var first = snapshots.First();
        first.PhaseName.Should().Be("ramp");
        first.IntervalTargetRate.Should().BeLessThan(first.TargetRate * 0.7);
        first.AchievedRate.Should().BeApproximately(first.IntervalTargetRate, first.IntervalTargetRate * 0.25);
        first.IntervalP50Ms.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(first.IntervalP95Ms);
        first.ToString().Should().Contain($"target {first.IntervalTargetRate:F0}/s");
    }

    [Fact]
    public async Task AClosedModelPhaseShowsItsUsersAndIterationsInsteadOfATargetRate()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => "ok"));
        var profile = ProfileBuilder.Create("closed")
            .WithTarget(server.Address)
            .WithLoad(Load.RampConcurrency(2, 6, TimeSpan.FromSeconds(2), "saturate"))
            .WithScenario("root", flow => flow.Get("/"))
            .Build();
        var snapshots = new ConcurrentQueue<ProgressSnapshot>();

        await new LoadRunner().RunAsync(profile, new RunOptions { Progress = snapshots.Enqueue, ProgressInterval = TimeSpan.FromSeconds(1) }, TestContext.Current.CancellationToken);

        var last = snapshots.Last();
        last.Concurrency.Should().Be(6, "the ramp ends at 6 users");
        last.AchievedRate.Should().BePositive();
        last.ToString().Should().Contain($"closed model, 6 users, {last.AchievedRate:F0} iterations/s").And.NotContain("target");
    }
}
