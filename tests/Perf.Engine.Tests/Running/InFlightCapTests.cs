using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Perf.Engine.Profiles;
using Perf.Engine.Reporting;
using Perf.Engine.Running;
using Perf.Engine.Tests.Infrastructure;
using Perf.Testing;

namespace Perf.Engine.Tests.Running;

/// <summary>
/// The in-flight cap against a target that never answers: without it such a target holds rate × timeout virtual
/// users; with it the arrivals over the cap are dropped at once and counted, never queued.
/// </summary>
public class InFlightCapTests
{
    private static readonly RunOptions Quiet = BoundedRuns.Quiet;

    [Fact]
    public async Task ArrivalsOverTheCapAreDroppedAndCountedWhileTheTargetNeverAnswers()
    {
        var received = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/hang", async (HttpContext http) =>
        {
            Interlocked.Increment(ref received);
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        }));
        var profile = HangingProfile(server.Address, Load.ConstantRate(40, TimeSpan.FromSeconds(1), "flood"));
        var snapshots = new List<ProgressSnapshot>();
        using var guard = BoundedRuns.HangGuard();

        var report = await new LoadRunner().RunAsync(
            profile, Quiet with { MaxInFlight = 4, Progress = snapshots.Add, ProgressInterval = TimeSpan.FromMilliseconds(100) }, guard.Token);

        report.Cancelled.Should().BeFalse("the run ends by itself once the admitted requests time out");
        var phase = report.GetPhase("flood");
        phase.MaxInFlight.Should().Be(4);
        phase.StartedArrivals.Should().Be(4, "no request is answered before the phase ends, so only the first four are admitted");
        phase.DroppedArrivals.Should().Be(36);
        phase.TargetArrivals.Should().Be(40);
        report.Totals.Requests.Should().Be(4);
        report.Totals.Errors.Should().Equal(new Dictionary<string, long> { ["timeout"] = 4 });
        received.Should().Be(4, "a dropped arrival sends nothing");
        report.TimeSeries.Should().OnlyContain(point => point.InFlight <= 4);
        snapshots.Should().Contain(s => s.DroppedArrivals > 0, "the progress line counts the drops while the run goes on");
        snapshots.Last(s => s.DroppedArrivals > 0).ToString().Should().MatchRegex(@", dropped \d+ \(in-flight cap\)$");
    }

    [Fact]
    public async Task APhaseMaxVusersAndTheRunCapTakeTheSmaller()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/hang", (HttpContext http) => Task.Delay(Timeout.Infinite, http.RequestAborted)));
        var profile = HangingProfile(server.Address,
            Load.ConstantRate(20, TimeSpan.FromSeconds(0.5), "own cap") with { MaxVusers = 2 },
            Load.ConstantRate(20, TimeSpan.FromSeconds(0.5), "run cap"));
        using var guard = BoundedRuns.HangGuard();

        var report = await new LoadRunner().RunAsync(profile, Quiet with { MaxInFlight = 5 }, guard.Token);

        report.Cancelled.Should().BeFalse();
        var own = report.GetPhase("own cap");
        own.MaxInFlight.Should().Be(2);
        own.StartedArrivals.Should().Be(2);
        own.DroppedArrivals.Should().Be(8);

        // The first phase's two users still hang: the run's cap of five is shared by every user in flight.
        var run = report.GetPhase("run cap");
        run.MaxInFlight.Should().Be(5);
        run.StartedArrivals.Should().Be(3);
        run.DroppedArrivals.Should().Be(7);
    }

    [Fact]
    public async Task WithoutACapNothingIsDropped()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/hang", (HttpContext http) => Task.Delay(Timeout.Infinite, http.RequestAborted)));
        var profile = HangingProfile(server.Address, Load.ConstantRate(20, TimeSpan.FromSeconds(0.5), "open"));
        using var guard = BoundedRuns.HangGuard();

        var report = await new LoadRunner().RunAsync(profile, Quiet, guard.Token);

        var phase = report.GetPhase("open");
        phase.MaxInFlight.Should().BeNull();
        phase.DroppedArrivals.Should().Be(0);
        phase.StartedArrivals.Should().Be(10);
        report.Totals.Errors.Should().Equal(new Dictionary<string, long> { ["timeout"] = 10 });
    }

    [Fact]
    public async Task AVusersSkippedThresholdSeesTheDrops()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/hang", (HttpContext http) => Task.Delay(Timeout.Infinite, http.RequestAborted)));
        var profile = ProfileLoader.Parse("""
            config:
              target: "http://127.0.0.1:1"
              http:
                timeout: 2
              phases:
                - duration: 0.5
                  arrivalRate: 20
                  maxVusers: 3
                  name: capped
              plugins:
                ensure:
                  thresholds:
                    - vusers.skipped: 1
                  phases:
                    capped:
                      thresholds:
                        - vusers.skipped: 100
            scenarios:
              - flow: [{ get: { url: "/hang" } }]
            """, "skipped.yml", new ProfileOverrides { Target = server.Address.ToString() });
        using var guard = BoundedRuns.HangGuard();

        var report = await new LoadRunner().RunAsync(profile, Quiet, guard.Token);

        report.Cancelled.Should().BeFalse();
        report.Thresholds!.Checks.Should().HaveCount(2);
        report.Thresholds.Breaches.Should().ContainSingle().Which.Should().Be(new ThresholdBreach("vusers.skipped", "run", 7, 1, "arrivals"));
        report.Thresholds.Checks.Should().ContainSingle(c => c.Scope == "phase 'capped'").Which.Passed.Should().BeTrue();
    }

    [Fact]
    public void MaxVusersIsReadFromTheArtilleryPhase()
    {
        var profile = ProfileLoader.Parse("""
            config:
              target: "http://127.0.0.1:1"
              phases:
                - duration: 10
                  arrivalRate: 100
                  maxVusers: 50
            scenarios:
              - flow: [{ get: { url: "/" } }]
            """, "cap.yml");

        profile.Phases[0].MaxVusers.Should().Be(50);
    }

    [Fact]
    public async Task ACapBelowOneIsRefusedBeforeTheRun()
    {
        var profile = HangingProfile(new Uri("http://127.0.0.1:1"), Load.ConstantRate(1, TimeSpan.FromSeconds(1)));

        var act = () => new LoadRunner().RunAsync(profile, Quiet with { MaxInFlight = 0 });

        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.Message.Should().Contain("MaxInFlight");
    }

    [Fact]
    public void ACapOnAClosedModelPhaseNamesTheKey()
    {
        var act = () => ProfileBuilder.Create("closed")
            .WithTarget("http://127.0.0.1:1")
            .WithLoad(Load.ConstantConcurrency(4, TimeSpan.FromSeconds(1)) with { MaxVusers = 2 })
            .WithScenario("main", flow => flow.Get("/"))
            .Build();

        act.Should().Throw<ProfileException>().Which.Key.Should().Be("config.phases[0].maxVusers");
    }

    /// <summary>Every arrival asks for /hang; a 2-second request timeout ends each admitted user.</summary>
    private static LoadProfile HangingProfile(Uri target, params Phase[] phases) =>
        ProfileBuilder.Create("hanging")
            .WithTarget(target)
            .WithHttpTimeout(TimeSpan.FromSeconds(2))
            .WithLoad(phases)
            .WithScenario("main", flow => flow.Get("/hang"))
            .Build();
}
