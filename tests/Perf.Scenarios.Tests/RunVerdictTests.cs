using Perf.Model.Accounting;
using Perf.Scenarios.Running;

namespace Perf.Scenarios.Tests;

public sealed class RunVerdictTests
{
    private static JobAudit Clean(long ids) => new("Redis result:{id}", "comparison-results/ledger-x-smoke.txt.gz", ids, 0, ids - 3, 3, 0, [], 0, [], 0, [],
        Drained: true, 0, [], [], AuditSeconds: 0.412);

    [Fact]
    public void AuditFindingsAndProblemsFailTheVerdictButCounterDisagreementDoesNot()
    {
        var disagreeing = Clean(10) with { CounterDisagreements = ["the SUT counted 11 processed, the store holds 10 result(s)"] };
        var broken = Clean(10) with { Lost = 1, LostSample = ["aa (job state: queued)"], Double = 1, DoubleSample = ["bb (dead-lettered 2x)"], Unknown = 1, UnknownSample = ["cc (stored)"], Drained = false };

        RunVerdict.AuditBreaches(disagreeing, []).Should().BeEmpty();
        RunVerdict.AuditBreaches(null, ["audit: not run, the profile captures no job id"]).Should().ContainSingle();
        RunVerdict.AuditBreaches(broken, []).Should().SatisfyRespectively(
            lost => lost.Should().Contain("1 accepted job id(s) have no outcome").And.Contain("aa (job state: queued)"),
            twice => twice.Should().Contain("1 job id(s) have two outcomes").And.Contain("bb"),
            unknown => unknown.Should().Contain("never seen accepted").And.Contain("cc"),
            drain => drain.Should().Contain("did not drain"));
    }
}
