using Perf.Reports.Experiments.Capacity;
using Perf.Scenarios.Experiments.Capacity;

namespace Perf.Scenarios.Tests.Experiments;

public sealed class CapacitySearchTests
{
    private static readonly CapacityPlan Plan = new() { StartRate = 100, MaxRate = 3000, StepDuration = TimeSpan.FromSeconds(1) };

    [Theory]
    [InlineData(530)]
    [InlineData(1480)]
    [InlineData(140)]
    public async Task BracketsASyntheticCapacityWithinTheResolution(double capacity)
    {
        var result = await CapacitySearch.RunAsync(Plan, Synthetic(capacity, generatorLimit: double.MaxValue), _ => { }, TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CapacityOutcome.Bracketed);
        result.LastSustained!.TargetRate.Should().BeLessThanOrEqualTo(capacity);
        result.FirstBroken!.TargetRate.Should().BeGreaterThan(capacity);
        ((result.FirstBroken.TargetRate - result.LastSustained.TargetRate) / result.LastSustained.TargetRate).Should().BeLessThanOrEqualTo(Plan.Resolution);
        result.Steps.Count.Should().BeLessThanOrEqualTo(Plan.ExpectedSteps());
    }

    [Fact]
    public async Task AOneOffStallBelowTheCapacityDoesNotEndTheSearch()
    {
        var stalled = false;
        var system = Synthetic(capacity: 1480, generatorLimit: double.MaxValue);
        Task<CapacityStep> WithOneStall(int index, double rate, CancellationToken ct)
        {
            if (rate == 200 && !stalled)
            {
                stalled = true;
                return system(index, 5000, ct).ContinueWith(t => t.Result with { Measured = t.Result.Measured with { TargetRate = rate } }, ct,
                    TaskContinuationOptions.None, TaskScheduler.Default);
            }

            return system(index, rate, ct);
        }

        var result = await CapacitySearch.RunAsync(Plan, WithOneStall, _ => { }, TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CapacityOutcome.Bracketed);
        result.MaxSustainableRate.Should().BeGreaterThan(1400).And.BeLessThanOrEqualTo(1480);
        result.Steps.Count(s => s.TargetRate == result.FirstBroken!.TargetRate).Should().Be(2, "the broken end is confirmed once");
    }

    [Fact]
    public async Task AGeneratorThatFallsBehindGivesNoCapacityOnlyALowerBoundCloseToItsLimit()
    {
        var result = await CapacitySearch.RunAsync(Plan, Synthetic(capacity: 2000, generatorLimit: 700), _ => { }, TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CapacityOutcome.GeneratorLimited);
        result.IsCapacity.Should().BeFalse();
        var generatorCeiling = 700 / new SustainCriteria().MinAchievedRatio;
        result.MaxSustainableRate.Should().BeGreaterThan(700 / (1 + Plan.Resolution)).And.BeLessThanOrEqualTo(generatorCeiling);
        result.GeneratorBehindAt!.TargetRate.Should().BeGreaterThan(generatorCeiling);
        result.Steps.Count(s => s.TargetRate == result.GeneratorBehindAt.TargetRate).Should().Be(2, "the failed end is confirmed once");
    }

    [Fact]
    public async Task AStepUpIntoTheGeneratorsLimitStillFindsTheSystemsCapacityBelowIt()
    {
        var result = await CapacitySearch.RunAsync(Plan, Synthetic(capacity: 1000, generatorLimit: 1500), _ => { }, TestContext.Current.CancellationToken);

        result.Steps.Should().Contain(s => s.Outcome == StepOutcome.GeneratorBehind, "the step-up from 800/s went to 1,600/s");
        result.Outcome.Should().Be(CapacityOutcome.Bracketed);
        result.MaxSustainableRate.Should().BeGreaterThan(1000 / (1 + Plan.Resolution)).And.BeLessThanOrEqualTo(1000);
        result.FirstBroken!.TargetRate.Should().BeGreaterThan(1000);
    }

    [Fact]
    public async Task EveryRateUpToTheCeilingSustainedIsReportedAsAboveIt()
    {
        var result = await CapacitySearch.RunAsync(Plan with { MaxRate = 500 }, Synthetic(capacity: 10_000, generatorLimit: double.MaxValue), _ => { }, TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CapacityOutcome.AboveCeiling);
        result.Steps.Select(s => s.TargetRate).Should().Equal(100, 200, 400, 500);
    }

    [Fact]
    public async Task ABrokenStartRateStepsDownUntilOneHolds()
    {
        var result = await CapacitySearch.RunAsync(Plan, Synthetic(capacity: 30, generatorLimit: double.MaxValue), _ => { }, TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CapacityOutcome.Bracketed);
        result.Steps.Select(s => s.TargetRate).Take(3).Should().Equal(100, 50, 25);
        result.MaxSustainableRate.Should().BeLessThanOrEqualTo(30);
    }

    [Fact]
    public async Task AnInvalidPlanIsRejectedNamingTheProblem()
    {
        var act = () => CapacitySearch.RunAsync(Plan with { GrowthFactor = 1 }, Synthetic(100, 100), _ => { }, TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*growth factor 1 must be > 1*");
    }

    private static Func<int, double, CancellationToken, Task<CapacityStep>> Synthetic(double capacity, double generatorLimit) => (index, rate, _) =>
    {
        var measured = new StepMeasurement
        {
            TargetRate = rate,
            AchievedRate = Math.Min(rate, generatorLimit),
            StartedArrivals = (long)rate,
            LateArrivals = 0,
            LatenessP99Ms = 0,
            Requests = (long)rate,
            HttpP50Ms = 1,
            HttpP95Ms = 2,
            HttpP99Ms = rate <= capacity ? 5 : 900,
            ErrorRatePercent = 0,
            JobP99Ms = 50,
            JobSamples = 10,
            JobsAccepted = (long)rate,
            BacklogAtStart = 0,
            BacklogAtEnd = 0,
        };
        var (outcome, breaches) = StepJudge.Judge(measured, new SustainCriteria());
        return Task.FromResult(new CapacityStep(index, measured, outcome, breaches, 0));
    };
}
