using Perf.Reports.Experiments.Capacity;
using Perf.Scenarios.Experiments.Capacity;

namespace Perf.Scenarios.Tests.Experiments;

public sealed class StepJudgeTests
{
    private static readonly StepMeasurement Healthy = new()
    {
        TargetRate = 500,
        AchievedRate = 499.5,
        StartedArrivals = 7500,
        LateArrivals = 10,
        LatenessP99Ms = 0.3,
        Requests = 11_000,
        HttpP50Ms = 1,
        HttpP95Ms = 4,
        HttpP99Ms = 12,
        ErrorRatePercent = 0,
        JobP99Ms = 80,
        JobSamples = 5600,
        JobsAccepted = 5600,
        BacklogAtStart = 10,
        BacklogAtEnd = 30,
        Slots = 8,
    };

    [Fact]
    public void AHealthyStepIsSustained()
    {
        var (outcome, breaches) = StepJudge.Judge(Healthy, new SustainCriteria());

        outcome.Should().Be(StepOutcome.Sustained);
        breaches.Should().BeEmpty();
    }

    [Fact]
    public void EverySystemBreachIsListedAtOnce()
    {
        var broken = Healthy with { HttpP99Ms = 700, ErrorRatePercent = 3.5, Status503 = 380, JobP99Ms = 4000, BacklogAtEnd = 2000 };

        var (outcome, breaches) = StepJudge.Judge(broken, new SustainCriteria());

        outcome.Should().Be(StepOutcome.Broke);
        breaches.Select(b => b.Check).Should().Equal(StepCheck.HttpP99, StepCheck.ErrorRate, StepCheck.JobP99, StepCheck.QueueGrowth);
        breaches[1].Message.Should().Contain("380 of them 503");
        breaches[3].Message.Should().Contain("from 10 to 2000");
    }

    [Fact]
    public void BacklogGrowthWithinTheShareOfTheStepsJobsIsNotGrowth()
    {
        // 2.5 % of 5,600 jobs = 140 jobs of growth allowed.
        StepJudge.Judge(Healthy with { BacklogAtEnd = 10 + 139 }, new SustainCriteria()).Outcome.Should().Be(StepOutcome.Sustained);
        StepJudge.Judge(Healthy with { BacklogAtEnd = 10 + 141 }, new SustainCriteria()).Outcome.Should().Be(StepOutcome.Broke);
    }

    [Theory]
    [InlineData(470, 10)]
    [InlineData(500, 600)]
    public void AGeneratorBehindItsScheduleMakesTheStepSayNothingAboutTheSystem(double achieved, long late)
    {
        var (outcome, breaches) = StepJudge.Judge(Healthy with { AchievedRate = achieved, LateArrivals = late, HttpP99Ms = 900 }, new SustainCriteria());

        outcome.Should().Be(StepOutcome.GeneratorBehind);
        breaches[0].Check.Should().Be(StepCheck.Generator);
        breaches.Should().Contain(b => b.Check == StepCheck.HttpP99);
    }

    [Fact]
    public void AcceptedJobsNoneOfWhichWasStoredBreakTheJobCheck()
    {
        var (outcome, breaches) = StepJudge.Judge(Healthy with { JobP99Ms = null, JobSamples = 0 }, new SustainCriteria());

        outcome.Should().Be(StepOutcome.Broke);
        breaches.Single().Check.Should().Be(StepCheck.JobP99);
    }
}
