using Perf.Engine.Profiles;
using Perf.Engine.Running;
using Perf.Engine.Tests.Infrastructure;

namespace Perf.Engine.Tests.Running;

/// <summary>
/// A custom step that never completes and ignores its token used to hold its virtual user, and so the run, forever;
/// now it is abandoned at its timeout, counted as error <c>timeout</c>, and the run ends by itself.
/// </summary>
public class CustomStepTimeoutTests
{
    private static readonly RunOptions Quiet = BoundedRuns.Quiet;

    [Fact]
    public async Task AStepThatIgnoresItsTokenIsAbandonedAtItsTimeoutAndTheRunEnds()
    {
        var never = new TaskCompletionSource<StepResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var afterwards = 0;
        var profile = StepProfile(flow => flow
            .Step("stuck", (_, _) => new ValueTask<StepResult>(never.Task))
            .Step("after", (_, _) =>
            {
                Interlocked.Increment(ref afterwards);
                return ValueTask.FromResult(StepResult.Ok());
            }));
        using var guard = BoundedRuns.HangGuard();

        var report = await new LoadRunner().RunAsync(profile, Quiet with { CustomStepTimeout = TimeSpan.FromMilliseconds(300) }, guard.Token);

        report.Cancelled.Should().BeFalse("the run ends by itself although no step ever completes");
        report.AbandonedSteps.Should().Be(4);
        var stuck = report.GetRequest("STEP stuck").Stats;
        stuck.Requests.Should().Be(4);
        stuck.Errors.Should().Equal(new Dictionary<string, long> { ["timeout"] = 4 });
        report.GetScenario("main").VusersFailed.Should().Be(4, "a timed-out step ends its virtual user");
        afterwards.Should().Be(0);
    }

    [Fact]
    public async Task AStepThatHonoursItsTokenTimesOutWithoutBeingAbandoned()
    {
        var profile = StepProfile(flow => flow.Step("patient", async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return StepResult.Ok();
        }));
        using var guard = BoundedRuns.HangGuard();

        var report = await new LoadRunner().RunAsync(profile, Quiet with { CustomStepTimeout = TimeSpan.FromMilliseconds(300) }, guard.Token);

        report.Cancelled.Should().BeFalse();
        report.AbandonedSteps.Should().Be(0);
        report.GetRequest("STEP patient").Stats.Errors.Should().Equal(new Dictionary<string, long> { ["timeout"] = 4 });
    }

    [Fact]
    public async Task WithoutItsOwnTimeoutAStepGetsTheRequestTimeout()
    {
        var never = new TaskCompletionSource<StepResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var profile = StepProfile(flow => flow.Step("stuck", (_, _) => new ValueTask<StepResult>(never.Task)), requestTimeout: TimeSpan.FromMilliseconds(300));
        using var guard = BoundedRuns.HangGuard();

        var report = await new LoadRunner().RunAsync(profile, Quiet, guard.Token);

        report.Cancelled.Should().BeFalse();
        report.AbandonedSteps.Should().Be(4);
        report.GetRequest("STEP stuck").Stats.Errors.Should().Equal(new Dictionary<string, long> { ["timeout"] = 4 });
    }

    [Fact]
    public async Task ANonPositiveStepTimeoutIsRefusedBeforeTheRun()
    {
        var profile = StepProfile(flow => flow.Step("any", (_, _) => ValueTask.FromResult(StepResult.Ok())));

        var act = () => new LoadRunner().RunAsync(profile, Quiet with { CustomStepTimeout = TimeSpan.Zero });

        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.Message.Should().Contain("CustomStepTimeout");
    }

    /// <summary>Four arrivals in half a second, each running <paramref name="flow"/>; no HTTP target is contacted.</summary>
    private static LoadProfile StepProfile(Action<FlowBuilder> flow, TimeSpan? requestTimeout = null) =>
        ProfileBuilder.Create("steps")
            .WithTarget("http://127.0.0.1:9")
            .WithHttpTimeout(requestTimeout ?? TimeSpan.FromSeconds(30))
            .WithLoad(Load.ArrivalCount(4, TimeSpan.FromSeconds(0.5), "four"))
            .WithScenario("main", flow)
            .Build();
}
