using Microsoft.AspNetCore.Builder;
using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Testing;

namespace Perf.Engine.Tests.Running;

public class LoadModelTests
{
    private static readonly RunOptions Quiet = new() { ProgressInterval = TimeSpan.FromHours(1) };

    [Fact]
    public async Task ArrivalCountAndPausePhasesStartExactlyTheirArrivals()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => "ok"));
        var profile = ProfileBuilder.Create("phases")
            .WithTarget(server.Address)
            .WithLoad(
                Load.ArrivalCount(7, TimeSpan.FromSeconds(0.7), "count"),
                Load.Pause(TimeSpan.FromSeconds(0.5), "quiet"),
                Load.ConstantRate(10, TimeSpan.FromSeconds(0.5), "rate"))
            .WithScenario("main", flow => flow.Get("/"))
            .Build();

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        report.Phases.Select(p => (p.Name, p.Kind, p.TargetArrivals, p.StartedArrivals)).Should().Equal(
            ("count", PhaseKind.ArrivalCount, 7L, 7L), ("quiet", PhaseKind.Pause, 0L, 0L), ("rate", PhaseKind.ArrivalRate, 5L, 5L));
        report.GetPhase("rate").StartOffsetSeconds.Should().BeApproximately(1.2, 0.001, "the pause holds its time");
        report.Totals.Requests.Should().Be(12);
        report.ClosedModel.Should().BeNull();
    }

    [Fact]
    public async Task ClosedPhaseKeepsItsUsersBusyAndIsReportedApart()
    {
        var concurrency = new PeakConcurrency();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => concurrency.HoldAsync(TimeSpan.FromMilliseconds(20))));
        var profile = ProfileBuilder.Create("closed")
            .WithTarget(server.Address)
            .WithLoad(Load.ConstantRate(10, TimeSpan.FromSeconds(0.5), "open"), Load.ConstantConcurrency(3, TimeSpan.FromSeconds(1), "busy"))
            .WithScenario("main", flow => flow.Get("/"))
            .WithThresholds(ThresholdSpec.ResponseTime(Aggregation.Min, 10_000))
            .Build();

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        concurrency.Peak.Should().BeGreaterThanOrEqualTo(3, "three closed users are busy at once");
        report.GetPhase("busy").Model.Should().Be(LoadModel.Closed);
        report.GetPhase("busy").EndConcurrency.Should().Be(3);
        report.GetPhase("open").Model.Should().Be(LoadModel.Open);
        report.Totals.Requests.Should().Be(5, "the open model's stats hold the open phase only");
        var closed = report.ClosedModel!;
        closed.Totals.Requests.Should().BeGreaterThan(3 * 10, "three users back to back for a second at 20 ms each");
        closed.Scenarios.Single().Model.Should().Be(LoadModel.Closed);
        closed.Scenarios.Single().VusersCompleted.Should().Be(closed.Totals.Requests);
        report.GetPhase("busy").StartedArrivals.Should().Be(closed.Totals.Requests);
        report.GetPhase("busy").Traffic!.Requests.Should().Be(closed.Totals.Requests, "a phase's statistics hold the requests of its own iterations");
        report.GetPhase("open").Traffic!.Requests.Should().Be(report.Totals.Requests);
        report.Thresholds!.Checks.Single().Measured.Should().Be(report.Totals.Latency.Min, "latency thresholds read the open model only");
    }

    [Fact]
    public async Task ConstantConcurrencyNeverExceedsItsUsers()
    {
        var concurrency = new PeakConcurrency();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => concurrency.HoldAsync(TimeSpan.FromMilliseconds(20))));
        var profile = ProfileBuilder.Create("closed")
            .WithTarget(server.Address)
            .WithLoad(Load.ConstantConcurrency(3, TimeSpan.FromSeconds(1)))
            .WithScenario("main", flow => flow.Get("/"))
            .Build();

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        concurrency.Peak.Should().Be(3, "each of the three users sends one request at a time, back to back");
        report.ClosedModel!.Totals.ErrorCount.Should().Be(0);
    }

    [Fact]
    public async Task RampingConcurrencyAddsUsersUpToTheEndCount()
    {
        var concurrency = new PeakConcurrency();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => concurrency.HoldAsync(TimeSpan.FromMilliseconds(10))));
        var profile = ProfileBuilder.Create("ramp")
            .WithTarget(server.Address)
            .WithLoad(Load.RampConcurrency(1, 5, TimeSpan.FromSeconds(1)))
            .WithScenario("main", flow => flow.Get("/"))
            .Build();

        var report = await new LoadRunner().RunAsync(profile, Quiet, TestContext.Current.CancellationToken);

        concurrency.Peak.Should().BeInRange(4, 5, "the target reaches 5 only at the very end");
        report.Phases.Single().StartConcurrency.Should().Be(1);
        report.Totals.Requests.Should().Be(0);
        report.ClosedModel!.Totals.ErrorCount.Should().Be(0);
    }

    /// <summary>An endpoint body that holds each request for a while and remembers how many were in the server at once.</summary>
    private sealed class PeakConcurrency
    {
        private int _inFlight;
        private int _peak;

        public int Peak => Volatile.Read(ref _peak);

        public async Task<string> HoldAsync(TimeSpan hold)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while ((seen = Volatile.Read(ref _peak)) < now && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
            {
            }

            await Task.Delay(hold);
            Interlocked.Decrement(ref _inFlight);
            return "ok";
        }
    }
}
