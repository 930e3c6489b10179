using Perf.Reliability.Tests.Infrastructure;

namespace Perf.Reliability.Tests;

/// <summary>
/// Redis stopped for ~3 s during a run: the API answers 503 at once (never hangs), the engine records the errors,
/// the workers come back, and the job accounts say what was lost instead of hiding it.
/// </summary>
[Trait(TestTraits.Category, TestTraits.Reliability)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class RedisOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task OutageGets503AtOnceAndWorkersRecoverWithNothingLost()
    {
        var log = new TestLog(output);
        // Baseline Redis keeps its default persistence: a clean stop writes a snapshot, the restart reloads it.
        var settings = ReliabilitySettings.Baseline("fault-redis") with { WorkerReclaimIdleMs = 2000, DrainTimeout = TimeSpan.FromSeconds(30) };

        var run = await OutageScenario.RunAsync(settings, log.Write);

        OutageScenario.AssertApiFailedFastAndEngineSawIt(run);
        run.SubmittedAfterRestart.Should().BeGreaterThan(0, "payments must be accepted after the restart, or the next check compares 0 with 0");
        run.CompletedAfterRestart.Should().Be(run.SubmittedAfterRestart, "workers must process jobs submitted after Redis is back");
        run.Jobs.Drained.Should().BeTrue();
        run.Audit.IdsChecked.Should().BeGreaterThan(0);
        run.Audit.Lost.Should().Be(0, "with persistence, a clean Redis restart keeps every accepted job (first lost: {0})", string.Join(", ", run.Audit.LostSample));
        run.Audit.Double.Should().Be(0, "no job gets two outcomes (first: {0})", string.Join(", ", run.Audit.DoubleSample));
    }
}
