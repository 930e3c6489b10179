using Perf.Model.Accounting;
using Perf.Scenarios.Running;

namespace Perf.Scenarios.Tests;

public sealed class EvidenceSectionTests : IDisposable
{
    private readonly TempArtifacts _artifacts = new();

    private static JobAudit Clean(long ids) => new("Redis result:{id}", "comparison-results/ledger-x-smoke.txt.gz", ids, 0, ids - 3, 3, 0, [], 0, [], 0, [],
        Drained: true, 0, [], [], AuditSeconds: 0.412);

    [Fact]
    public void SectionShowsEveryAuditFigureOfBothSides()
    {
        var lossy = Clean(4000) with { Stored = 3995, Lost = 2, LostSample = ["aa (job state: queued)", "bb (job state: missing)"], CounterDisagreements = ["the SUT counted 3996 processed, the store holds 3995 result(s)"] };

        var baseline = RunReportBuilder.Baseline();
        baseline.Audit = Clean(4500);
        var optimized = RunReportBuilder.Optimized();
        optimized.Audit = lossy;

        var markdown = _artifacts.WriteMarkdown(baseline, optimized);

        markdown.Should().Contain("## Evidence by job id");
        markdown.Should().Contain("| ids checked (client ledger) | 4,500 | 4,000 |");
        markdown.Should().Contain("| lost (no outcome) | 0 | 2 |");
        markdown.Should().Contain("| audit time | 0.412 s | 0.412 s |");
        markdown.Should().Contain("| store checked | Redis result:{id} | Redis result:{id} |");
        markdown.Should().Contain("- optimized: lost 2: `aa (job state: queued)`, `bb (job state: missing)`.");
        markdown.Should().Contain("- optimized: SUT counters disagree with the audit: the SUT counted 3996 processed, the store holds 3995 result(s).");
    }

    [Fact]
    public void SideWithoutAuditSaysWhy()
    {
        var optimized = RunReportBuilder.Optimized();
        optimized.Audit = Clean(10);

        var markdown = _artifacts.WriteMarkdown(RunReportBuilder.Baseline(), optimized);

        markdown.Should().Contain("| ids checked (client ledger) | n/a | 10 |");
        markdown.Should().Contain("- baseline: no audit (the report predates it).");
    }

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

    public void Dispose() => _artifacts.Dispose();
}
