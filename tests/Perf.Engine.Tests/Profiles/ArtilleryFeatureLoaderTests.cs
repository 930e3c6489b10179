using Perf.Engine.Profiles;
using Perf.Engine.Scheduling;

namespace Perf.Engine.Tests.Profiles;

public class ArtilleryFeatureLoaderTests
{
    private const string Head = "config:\n  target: \"http://127.0.0.1:8080\"\n";

    [Fact]
    public void ThinkAndLoopWithCountAreRead()
    {
        var profile = ProfileLoader.Parse(Head + """
              phases: [{ duration: 1, arrivalRate: 1 }]
            scenarios:
              - flow:
                  - get: { url: "/a" }
                  - think: 250ms
                  - loop:
                      - get: { url: "/b" }
                      - think: 1
                    count: 3
            """, "t.yml");

        var flow = profile.Scenarios[0].Flow;
        flow[1].Should().Be(new ThinkStep(TimeSpan.FromMilliseconds(250)));
        var loop = flow[2].Should().BeOfType<LoopStep>().Which;
        loop.Count.Should().Be(3);
        loop.Steps.Should().HaveCount(2);
        loop.Steps[1].Should().Be(new ThinkStep(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void ArrivalCountAndPausePhasesAreRead()
    {
        var profile = ProfileLoader.Parse(Head + """
              phases:
                - { duration: 10, arrivalCount: 25, name: trickle }
                - { pause: 5 }
            scenarios: [{ flow: [{ get: { url: "/" } }] }]
            """, "t.yml", new ProfileOverrides { TimeScale = 0.5 });

        var (count, pause) = (profile.Phases[0], profile.Phases[1]);
        count.Kind.Should().Be(PhaseKind.ArrivalCount);
        count.Duration.Should().Be(TimeSpan.FromSeconds(5));
        PhaseSchedule.ArrivalCount(count).Should().Be(25, "arrivalCount is exact whatever the time scale");
        pause.Kind.Should().Be(PhaseKind.Pause);
        pause.Name.Should().Be("phase 2");
        pause.Duration.Should().Be(TimeSpan.FromSeconds(2.5));
        PhaseSchedule.ArrivalCount(pause).Should().Be(0);
        profile.TotalDuration.Should().Be(TimeSpan.FromSeconds(7.5));
    }

    [Fact]
    public void ArrivalCountSpreadsArrivalsEvenly()
    {
        var phase = Load.ArrivalCount(4, TimeSpan.FromSeconds(2));

        Enumerable.Range(0, 4).Select(n => PhaseSchedule.ArrivalOffsetSeconds(phase, n)).Should().Equal(0, 0.5, 1, 1.5);
    }

    /// <summary>Which part of the profile a bad case replaces: the phase list (a valid scenario follows) or the flow's steps (after a valid phase).</summary>
    public enum Part
    {
        Phases,
        Flow,
    }

    [Theory]
    [InlineData(Part.Phases, "  phases: [{ duration: 1, arrivalRate: 1, pause: 2 }]\n", 3, "config.phases[0]", "exactly one of: arrivalRate")]
    [InlineData(Part.Phases, "  phases: [{ pause: 2, duration: 1 }]\n", 3, "config.phases[0].duration", "takes its length from 'pause'")]
    [InlineData(Part.Phases, "  phases: [{ duration: 2, arrivalCount: 5, rampTo: 9 }]\n", 3, "config.phases[0].rampTo", "goes with arrivalRate only")]
    [InlineData(Part.Phases, "  phases: [{ duration: 2, arrivalCount: 2.5 }]\n", 3, "config.phases[0].arrivalCount", "whole number")]
    [InlineData(Part.Phases, "  phases: [{ duration: 2, arrivalCount: -1 }]\n", 3, "config.phases[0].arrivalCount", "whole number between 0")]
    [InlineData(Part.Phases, "  phases: [{ pause: 0 }]\n", 3, "config.phases[0].pause", "positive duration")]
    [InlineData(Part.Phases, "  phases: [{ pause: 2, maxVusers: 10 }]\n", 3, "config.phases[0].maxVusers", "releases no arrivals")]
    [InlineData(Part.Flow, "      - loop: [{ get: { url: \"/\" } }]\n", 6, "scenarios[0].flow[0].count", "endless loop is not supported")]
    [InlineData(Part.Flow, "      - loop: [{ get: { url: \"/\" } }]\n        count: 2\n        over: items\n", 8, "scenarios[0].flow[0].over", "unknown key")]
    [InlineData(Part.Flow, "      - loop: [{ get: { url: \"/\" } }]\n        count: 2\n        think: 1\n", 6, "scenarios[0].flow[0].think", "only 'loop' and 'count'")]
    [InlineData(Part.Flow, "      - loop: []\n        count: 2\n", 6, "scenarios[0].flow[0].loop", "at least one step")]
    [InlineData(Part.Flow, "      - get: { url: \"/\" }\n      - think: -1\n", 7, "scenarios[0].flow[1].think", "between 0 and 3600")]
    [InlineData(Part.Flow, "      - get: { url: \"/\" }\n      - think: soon\n", 7, "scenarios[0].flow[1].think", "must be a duration")]
    [InlineData(Part.Flow, "      - count: 3\n", 6, "scenarios[0].flow[0]", "exactly one of")]
    [InlineData(Part.Flow, "      - loop:\n          - get: { url: \"/p/{{ id }}\" }\n        count: 2\n", 7, "scenarios[0].flow[0].loop[0].get.url", "variable 'id'")]
    public void BadPhaseOrFlowStepNamesFileLineAndKey(Part part, string text, int line, string key, string problem) =>
        ProfileRejection.ShouldReject(part == Part.Phases
            ? Head + text + "scenarios: [{ flow: [{ get: { url: \"/\" } }] }]\n"
            : Head + "  phases: [{ duration: 1, arrivalRate: 1 }]\nscenarios:\n  - flow:\n" + text, line, key, problem);
}
