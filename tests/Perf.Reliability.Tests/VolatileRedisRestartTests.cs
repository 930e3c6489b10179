using Perf.Fixtures.Accounting;
using Perf.Reliability.Tests.Infrastructure;

namespace Perf.Reliability.Tests;

/// <summary>
/// A restart of a Redis without persistence (the optimized redis.conf) during a run: the loss must be reported with
/// the client-side 202 count as the truth, and the workers must resume on the empty Redis.
/// </summary>
[Trait(TestTraits.Category, TestTraits.Reliability)]
[Trait(TestTraits.Requires, TestTraits.Docker)]
public sealed class VolatileRedisRestartTests(VolatileRedisRestartFixture fixture, ITestOutputHelper output)
    : IClassFixture<VolatileRedisRestartFixture>, IDisposable
{
    [Fact]
    public void OutageGets503AtOnceAndTheEngineRecordsIt() => OutageScenario.AssertApiFailedFastAndEngineSawIt(fixture.Run);

    [Fact]
    public void LostJobsAreReportedWithTheClientCountAsAccepted()
    {
        var run = fixture.Run;
        var jobs = run.Jobs;

        jobs.AcceptedByClients.Should().Be(JobAccountant.AcceptedByClients(run.Load) + run.SubmittedAfterRestart);
        jobs.AcceptedBySut.Should().BeLessThan(jobs.AcceptedByClients, "the restart wiped the SUT's counters");
        jobs.Accepted.Should().Be(jobs.AcceptedByClients, "the client-side 202 count must prevail over a wiped counter");
        jobs.Lost.Should().BeGreaterThan(0, "jobs queued before the restart vanished and must be reported lost");
        jobs.Notes.Should().Contain(n => n.Contains("counters lost data", StringComparison.Ordinal), "the report must say why the counts disagree");
        // Checked id by id, independently of the counters: the wiped jobs have no outcome, and the audit must find as
        // many of them as the counter-based accounts call lost or still queued (neither has an outcome yet).
        run.Audit.IdsChecked.Should().Be(jobs.AcceptedByClients, "the ledger holds one id per 202 answer");
        run.Audit.Lost.Should().BeGreaterThan(0).And.Be(jobs.Lost + jobs.StillQueued,
            "the id audit and the client-count accounts must agree on the accepted jobs without an outcome");
        run.Audit.Double.Should().Be(0);
    }

    [Fact]
    public void WorkersResumeOnTheWipedRedis()
    {
        var run = fixture.Run;

        run.SubmittedAfterRestart.Should().BeGreaterThan(0);
        run.AuditAfterRestart.Stored.Should().Be(run.SubmittedAfterRestart, "each job submitted after the restart is in the store, checked by id");
        run.CompletedAfterRestart.Should().Be(run.SubmittedAfterRestart,
            "jobs submitted after the restart must be processed; a restart without persistence also drops the consumer group " +
            "'workers', which the workers must recreate (they see NOGROUP otherwise)");
    }

    public void Dispose() => fixture.FlushLogTo(output);
}
